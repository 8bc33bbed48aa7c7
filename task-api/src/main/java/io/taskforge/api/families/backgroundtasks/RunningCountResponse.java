package io.taskforge.api.families.backgroundtasks;

/** How many tasks are running. */
record RunningCountResponse(long runningTasks) {}
