package io.taskforge.task.query;

/** Ask for the current view of the task with this number. */
public record FindTaskByNumberQuery(long number) {}
