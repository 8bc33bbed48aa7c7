package io.taskforge.task.alerts;

import io.taskforge.task.TaskId;
import java.time.Instant;
import java.util.UUID;

/**
 * One alert.
 *
 * @param severity {@code critical}, {@code high} or {@code medium}
 * @param source {@code dead_letter} or {@code escalation}
 * @param acknowledgedAt null until someone acknowledged it
 */
public record AlertView(
        UUID alertId,
        TaskId taskId,
        String severity,
        String source,
        String type,
        String provider,
        String errorType,
        String errorMessage,
        String reason,
        Instant raisedAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        String note) {}
