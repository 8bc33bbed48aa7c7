package io.taskforge.api.health;

/** A provider whose circuit breaker is not closed. */
public record BreakerState(String provider, String state, double failureRate) {}
