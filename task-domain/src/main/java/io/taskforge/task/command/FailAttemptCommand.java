package io.taskforge.task.command;

import io.taskforge.task.CircuitState;
import io.taskforge.task.ErrorClassification;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that the running attempt failed.
 *
 * @param handlerVerdict the handler's own classification, or null to let the engine classify
 * @param circuitState the provider's breaker after this failure; null when the task has no provider
 * @param retryAfterMillis the provider's requested wait (Retry-After), or null
 */
public record FailAttemptCommand(
        @TargetAggregateIdentifier TaskId taskId,
        int attempt,
        TaskError error,
        ErrorClassification handlerVerdict,
        CircuitState circuitState,
        Long retryAfterMillis) {

    public static FailAttemptCommand of(TaskId taskId, int attempt, TaskError error) {
        return new FailAttemptCommand(taskId, attempt, error, null, null, null);
    }
}
