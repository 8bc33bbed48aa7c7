package io.taskforge.task.command;

import io.taskforge.task.TaskId;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the running attempt succeeded with the given result. */
public record CompleteAttemptCommand(
        @TargetAggregateIdentifier TaskId taskId, int attempt, Map<String, Object> result) {}
