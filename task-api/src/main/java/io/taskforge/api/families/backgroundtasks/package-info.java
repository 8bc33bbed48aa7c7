/**
 * Seed 001's background task monitoring API ({@code /tasks/...}, also under {@code /api/v1}):
 * statistics, running, pending and all tasks, one task, and the clean-up of old finished tasks.
 */
package io.taskforge.api.families.backgroundtasks;
