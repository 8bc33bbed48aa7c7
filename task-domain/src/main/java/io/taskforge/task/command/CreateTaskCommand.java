package io.taskforge.task.command;

import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Submit a new task.
 *
 * @param number the task's number, drawn by the submitter from the engine's task number sequence
 *     (at least 1)
 */
public record CreateTaskCommand(@TargetAggregateIdentifier TaskId taskId, long number, TaskDefinition definition) {}
