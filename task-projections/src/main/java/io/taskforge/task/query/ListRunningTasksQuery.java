package io.taskforge.task.query;

/** Ask for a page of running tasks, the oldest (by creation) first. */
public record ListRunningTasksQuery(int limit, int offset) {}
