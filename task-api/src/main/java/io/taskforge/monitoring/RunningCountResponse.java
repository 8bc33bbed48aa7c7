package io.taskforge.monitoring;

/** How many tasks are running. */
record RunningCountResponse(long runningTasks) {}
