package io.taskforge.task.command;

import io.taskforge.task.TaskId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The running attempt outlived its deadline or its worker's lease. */
public record TimeOutAttemptCommand(
        @TargetAggregateIdentifier TaskId taskId, int attempt, String reason) {}
