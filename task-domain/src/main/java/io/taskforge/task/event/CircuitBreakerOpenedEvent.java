package io.taskforge.task.event;

import io.taskforge.task.TaskId;
import java.time.Instant;

/** The circuit breaker of a provider this task depends on opened. */
public record CircuitBreakerOpenedEvent(TaskId taskId, String provider, Instant occurredAt) implements TaskEvent {}
