package io.taskforge.task.counts;

/** Ask for the current task counts. */
public record TaskCountsQuery() {}
