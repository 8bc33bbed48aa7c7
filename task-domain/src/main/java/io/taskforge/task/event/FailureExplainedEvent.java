package io.taskforge.task.event;

import io.taskforge.task.CircuitState;
import io.taskforge.task.ErrorClassification;
import io.taskforge.task.RetrySettings;
import io.taskforge.task.TaskId;
import io.taskforge.task.recovery.FallbackRun;
import java.time.Instant;

/**
 * Why a task that was just moved to the dead letter queue is there: what the engine decided about
 * its last error and what it had tried.
 *
 * @param classification how the last error was classified
 * @param circuitState the provider's breaker as the last attempt saw it; null when none
 * @param retry the retry policy and budget the task ran under
 * @param attempts attempts made in this run of the task
 * @param fallback the fallback chain the task went through; null when none took it over
 * @param reason why no further attempt follows
 */
public record FailureExplainedEvent(
        TaskId taskId,
        ErrorClassification classification,
        CircuitState circuitState,
        RetrySettings retry,
        int attempts,
        FallbackRun fallback,
        String reason,
        Instant occurredAt)
        implements TaskEvent {}
