package io.taskforge.task.command;

import io.taskforge.task.TaskId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retire a finished task from the active views under the retention policy. */
public record ArchiveTaskCommand(@TargetAggregateIdentifier TaskId taskId) {}
