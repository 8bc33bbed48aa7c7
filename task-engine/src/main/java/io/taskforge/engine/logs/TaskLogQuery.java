package io.taskforge.engine.logs;

import io.taskforge.handler.TaskLog;
import io.taskforge.task.TaskId;

/**
 * Ask for a task's first {@code limit} log lines, oldest first.
 *
 * @param minimum the least severe level to include; null for every line
 */
public record TaskLogQuery(TaskId taskId, TaskLog.Level minimum, int limit) {}
