package io.taskforge.api.families.backgroundtasks;

import java.util.List;

/**
 * A list of tasks in seed 001's shape.
 *
 * @param totalCount how many tasks match in all, from the task counters; the list may hold fewer
 */
record TaskListResponse(List<MonitoredTask> tasks, long totalCount) {}
