package io.taskforge.task.dlq;

/** The first {@code limit} pending dead letters the filter takes, oldest first. */
public record ListRedriveCandidatesQuery(RedriveFilter filter, int limit) {}
