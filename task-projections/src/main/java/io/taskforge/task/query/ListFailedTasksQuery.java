package io.taskforge.task.query;

/** Ask for a page of failed and timed-out tasks that are not archived, the most recent failure first. */
public record ListFailedTasksQuery(int limit, int offset) {}
