package io.taskforge.task.dlq;

/** How many pending dead letters the filter takes; answers a {@code Long}. */
public record CountRedriveCandidatesQuery(RedriveFilter filter) {}
