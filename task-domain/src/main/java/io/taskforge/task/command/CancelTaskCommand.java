package io.taskforge.task.command;

import io.taskforge.task.TaskId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop a task that has not finished. */
public record CancelTaskCommand(@TargetAggregateIdentifier TaskId taskId, String reason, String requestedBy) {}
