package io.taskforge.task.event;

import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
import java.time.Instant;

/** Someone cancelled the task before it finished. */
public record TaskCancelledEvent(
        TaskId taskId, String reason, String cancelledBy, TaskStatus previousStatus, Instant occurredAt)
        implements TaskEvent {}
