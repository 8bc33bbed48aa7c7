package io.taskforge.api.families.backgroundtasks;

/**
 * The outcome of a clean-up.
 *
 * @param cleanedTasks finished tasks archived by this clean-up
 * @param days the age, in days since they finished, beyond which tasks were archived
 */
record CleanupResponse(long cleanedTasks, int days) {}
