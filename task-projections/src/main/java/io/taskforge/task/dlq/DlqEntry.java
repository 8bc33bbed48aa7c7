package io.taskforge.task.dlq;

import io.taskforge.task.TaskId;
import java.time.Instant;

/**
 * A task in the dead letter queue.
 *
 * @param alertSeverity {@code critical}, {@code high} or {@code medium}
 */
public record DlqEntry(
        TaskId taskId,
        String type,
        String provider,
        String errorType,
        String errorMessage,
        Integer httpStatus,
        int attempts,
        String reason,
        String alertSeverity,
        DlqStatus status,
        Instant movedAt,
        Instant retriedAt,
        String retriedBy) {}
