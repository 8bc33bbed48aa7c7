package io.taskforge.task.command;

import io.taskforge.task.TaskId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Note on the task's timeline that the breaker of a provider it depends on opened. */
public record RecordCircuitOpenedCommand(
        @TargetAggregateIdentifier TaskId taskId, String provider) {}
