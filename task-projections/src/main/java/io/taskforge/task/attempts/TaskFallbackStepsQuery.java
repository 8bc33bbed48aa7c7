package io.taskforge.task.attempts;

import io.taskforge.task.TaskId;

/** Ask for the fallback steps applied to a task, in order. */
public record TaskFallbackStepsQuery(TaskId taskId) {}
