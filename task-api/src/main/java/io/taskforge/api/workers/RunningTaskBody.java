package io.taskforge.api.workers;

/** One attempt a worker runs, named by its task and the fencing token its claim carried. */
record RunningTaskBody(String taskId, Integer fencingToken) {}
