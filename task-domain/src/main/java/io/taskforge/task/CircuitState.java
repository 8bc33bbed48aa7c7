package io.taskforge.task;

/** State of a provider's circuit breaker as an attempt saw it. */
public enum CircuitState {
    CLOSED,
    HALF_OPEN,
    OPEN
}
