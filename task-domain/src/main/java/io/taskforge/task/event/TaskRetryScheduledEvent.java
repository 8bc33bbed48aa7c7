package io.taskforge.task.event;

import io.taskforge.task.TaskId;
import java.time.Instant;

/**
 * A retry was scheduled after a failed attempt.
 *
 * @param failedAttempt the attempt that failed
 * @param nextAttempt the attempt that will run at {@code dueAt}
 * @param reason why the delay is what it is (backoff, or the provider's Retry-After)
 */
public record TaskRetryScheduledEvent(
        TaskId taskId,
        int failedAttempt,
        int nextAttempt,
        long delayMillis,
        Instant dueAt,
        String reason,
        Instant occurredAt)
        implements TaskEvent {}
