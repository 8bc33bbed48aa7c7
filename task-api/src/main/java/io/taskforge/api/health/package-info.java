/**
 * Health over HTTP: one {@link io.taskforge.api.health.HealthAssessor} decides what makes the
 * engine less than healthy, and each health endpoint formats its findings in its own shape
 * ({@code /health}, {@code /ready}, the actuator's {@code execution} component), next to
 * {@code /metrics} in Prometheus text format.
 */
package io.taskforge.api.health;
