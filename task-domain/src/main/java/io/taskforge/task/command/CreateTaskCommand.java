package io.taskforge.task.command;

import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Submit a new task. */
public record CreateTaskCommand(@TargetAggregateIdentifier TaskId taskId, TaskDefinition definition) {}
