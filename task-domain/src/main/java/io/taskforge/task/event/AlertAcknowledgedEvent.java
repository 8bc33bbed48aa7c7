package io.taskforge.task.event;

import io.taskforge.task.TaskId;
import java.time.Instant;
import java.util.UUID;

/** A person acknowledged one of the task's alerts. */
public record AlertAcknowledgedEvent(
        TaskId taskId, UUID alertId, String acknowledgedBy, String note, Instant occurredAt) implements TaskEvent {}
