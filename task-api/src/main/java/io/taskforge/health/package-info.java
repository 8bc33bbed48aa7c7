/**
 * Health and monitoring (seed 002): {@code /health} and {@code /ready} for probes and people, and
 * {@code /metrics} in Prometheus text format with the engine's task and worker gauges.
 */
package io.taskforge.health;
