package io.taskforge.task.query;

import io.taskforge.task.TaskStatus;
import java.util.Set;

/**
 * Ask for a page of tasks, newest first. Null or empty criteria match everything.
 *
 * @param statuses statuses to include
 * @param includeArchived whether tasks archived by the retention clean-up are listed
 */
public record ListTasksQuery(
        Set<TaskStatus> statuses,
        String type,
        String problemId,
        String workerId,
        boolean includeArchived,
        int limit,
        int offset) {}
