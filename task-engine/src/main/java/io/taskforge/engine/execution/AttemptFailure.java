package io.taskforge.engine.execution;

import io.taskforge.task.CircuitState;
import io.taskforge.task.ErrorClassification;
import io.taskforge.task.TaskError;
import java.time.Duration;

/**
 * How an attempt failed, as its runner reports it.
 *
 * @param verdict the runner's own classification, or null to let the engine's classifier decide
 * @param circuit the provider's breaker state when the attempt ended, or null when it has none
 * @param retryAfter the wait the provider asked for, or null
 */
public record AttemptFailure(TaskError error, ErrorClassification verdict, CircuitState circuit, Duration retryAfter) {}
