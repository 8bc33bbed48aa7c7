package io.taskforge.task.event;

import io.taskforge.task.TaskId;
import java.time.Instant;

/** A finished task left the active views under the retention policy; its history stays. */
public record TaskArchivedEvent(TaskId taskId, Instant occurredAt) implements TaskEvent {}
