package io.taskforge.task.event;

import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
import java.time.Instant;

/** Someone sent a finished, unsuccessful task back to the queue with a fresh retry budget. */
public record TaskRequeuedEvent(TaskId taskId, String requestedBy, TaskStatus previousStatus, Instant occurredAt)
        implements TaskEvent {}
