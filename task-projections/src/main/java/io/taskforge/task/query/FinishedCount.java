package io.taskforge.task.query;

import io.taskforge.task.TaskCategory;
import io.taskforge.task.TaskStatus;
import java.time.Instant;

/**
 * How many tasks of one category finished with one status in one minute.
 *
 * @param minute the start of the minute
 */
public record FinishedCount(Instant minute, TaskCategory category, TaskStatus status, long tasks) {}
