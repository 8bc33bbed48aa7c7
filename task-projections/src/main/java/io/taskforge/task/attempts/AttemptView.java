package io.taskforge.task.attempts;

import java.time.Instant;

/**
 * One attempt of a task.
 *
 * @param outcome {@code running}, {@code succeeded}, {@code failed}, {@code timed_out} or {@code cancelled}
 * @param classification {@code retryable} or {@code permanent} for a failed attempt, else null
 * @param circuitState the provider's breaker as the attempt saw it ({@code closed}, {@code half_open},
 *     {@code open}), null when the task has no provider or the attempt did not fail
 */
public record AttemptView(
        int attempt,
        String workerId,
        Instant startedAt,
        Instant deadline,
        Instant endedAt,
        Long durationMs,
        String outcome,
        String errorType,
        String errorMessage,
        Integer httpStatus,
        String classification,
        String circuitState) {}
