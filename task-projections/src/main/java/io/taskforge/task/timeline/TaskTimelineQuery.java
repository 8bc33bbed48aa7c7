package io.taskforge.task.timeline;

import io.taskforge.task.TaskId;

/** Ask for a task's timeline, oldest entry first. */
public record TaskTimelineQuery(TaskId taskId) {}
