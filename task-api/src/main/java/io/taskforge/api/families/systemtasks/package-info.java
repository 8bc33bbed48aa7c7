/**
 * Seed 000's monitoring API under {@code /api/v1/system}: task summary, task lists (all, running,
 * failed) and an application health check, read from the task view and the task counters.
 */
package io.taskforge.api.families.systemtasks;
