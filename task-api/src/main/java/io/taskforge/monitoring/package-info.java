/**
 * Seed 001's background task monitoring API ({@code /tasks/...}, also under {@code /api/v1}):
 * statistics, running, pending and all tasks, one task, and the clean-up of old finished tasks,
 * with the retention job that runs that clean-up on a schedule.
 */
package io.taskforge.monitoring;
