package io.taskforge.task.event;

import io.taskforge.task.CircuitState;
import io.taskforge.task.ErrorClassification;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import java.time.Instant;

/**
 * An attempt failed.
 *
 * @param classification whether the engine judged the error worth retrying
 * @param circuitState the provider's breaker as the attempt saw it; null when the task has no provider
 */
public record AttemptFailedEvent(
        TaskId taskId,
        int attempt,
        TaskError error,
        ErrorClassification classification,
        CircuitState circuitState,
        long durationMillis,
        Instant occurredAt)
        implements TaskEvent {}
