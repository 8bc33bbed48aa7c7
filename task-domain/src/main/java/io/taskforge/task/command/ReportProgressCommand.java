package io.taskforge.task.command;

import io.taskforge.task.TaskId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The running attempt reached {@code percent} (0 to 100), optionally saying what it is doing. */
public record ReportProgressCommand(
        @TargetAggregateIdentifier TaskId taskId, int attempt, int percent, String message) {}
