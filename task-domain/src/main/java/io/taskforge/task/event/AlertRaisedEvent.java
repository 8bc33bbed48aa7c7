package io.taskforge.task.event;

import io.taskforge.task.AlertSource;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.task.policy.AlertSeverity;
import java.time.Instant;
import java.util.UUID;

/**
 * Someone should look at the task: it reached the dead letter queue or a chain escalated it.
 *
 * @param alertId derived from the task and the alert's number within it, so a replay finds the same id
 * @param type the task's handler type
 * @param provider the task's provider; null when none
 * @param error the last attempt's error
 * @param reason why the task was given up
 */
public record AlertRaisedEvent(
        TaskId taskId,
        UUID alertId,
        AlertSeverity.Level severity,
        AlertSource source,
        String type,
        String provider,
        TaskError error,
        String reason,
        Instant occurredAt)
        implements TaskEvent {}
