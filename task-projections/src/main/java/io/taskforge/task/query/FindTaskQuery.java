package io.taskforge.task.query;

import io.taskforge.task.TaskId;

/** Ask for one task's current view. */
public record FindTaskQuery(TaskId taskId) {}
