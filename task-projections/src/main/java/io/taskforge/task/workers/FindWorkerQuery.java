package io.taskforge.task.workers;

/** One registered worker. */
public record FindWorkerQuery(String workerId) {}
