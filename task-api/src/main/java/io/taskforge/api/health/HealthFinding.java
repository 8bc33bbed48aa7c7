package io.taskforge.api.health;

/** One reason the engine is less than healthy, in words an operator can act on. */
public record HealthFinding(Concern concern, String reason) {}
