package io.taskforge.task.event;

import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.task.policy.AlertSeverity;
import java.time.Instant;

/**
 * A failed task was put in the dead letter queue for a person to look at.
 *
 * @param type the task's handler type
 * @param provider the external system it depended on; null when none
 * @param error the last attempt's error
 * @param attempts attempts made in this run of the task
 * @param reason why no further retry follows
 */
public record MovedToDlqEvent(
        TaskId taskId,
        String type,
        String provider,
        TaskError error,
        int attempts,
        String reason,
        AlertSeverity.Level alertSeverity,
        Instant occurredAt)
        implements TaskEvent {}
