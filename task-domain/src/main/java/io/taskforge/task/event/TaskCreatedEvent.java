package io.taskforge.task.event;

import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskId;
import java.time.Instant;

/** A task was submitted and waits to run. */
public record TaskCreatedEvent(TaskId taskId, TaskDefinition definition, Instant occurredAt) implements TaskEvent {}
