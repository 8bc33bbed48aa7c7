package io.taskforge.task.attempts;

import io.taskforge.task.TaskId;

/** Ask for a task's attempts, first attempt first. */
public record TaskAttemptsQuery(TaskId taskId) {}
