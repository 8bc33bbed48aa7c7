package io.taskforge.task.event;

import io.taskforge.task.TaskId;
import io.taskforge.task.policy.AlertSeverity;
import java.time.Instant;

/** A failed task was put in the dead letter queue for a person to look at. */
public record MovedToDlqEvent(TaskId taskId, String reason, AlertSeverity.Level alertSeverity, Instant occurredAt)
        implements TaskEvent {}
