package io.taskforge.task.command;

import io.taskforge.task.TaskId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Run a failed, timed-out or cancelled task again, with a fresh retry budget. */
public record RequeueTaskCommand(@TargetAggregateIdentifier TaskId taskId, String requestedBy) {}
