/** Seed 003's monitoring summary ({@code /api/v1/tasks/monitoring/health}): queue depth, counts, failure rate and open breakers. */
package io.taskforge.api.families.selfhealing;
