package io.taskforge.task.dlq;

import io.taskforge.task.TaskId;
import java.time.Instant;

/**
 * A task in the dead letter queue.
 *
 * @param alertSeverity {@code critical}, {@code high} or {@code medium}
 * @param classification how the last error was classified ({@code retryable} or {@code permanent}); null
 *     for an entry made before the dead letter queue explained itself
 * @param circuitState the provider's breaker as the last attempt saw it; null when none
 * @param retry the retry policy and budget the task ran under
 * @param fallback the fallback chain it went through; null when none took it over
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
        String retriedBy,
        String classification,
        String circuitState,
        DlqRetryPolicy retry,
        DlqFallback fallback) {}
