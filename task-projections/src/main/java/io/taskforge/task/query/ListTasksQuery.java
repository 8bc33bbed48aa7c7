package io.taskforge.task.query;

import io.taskforge.task.TaskStatus;
import java.util.Set;

/**
 * Ask for a page of tasks, newest first. Null or empty criteria match everything.
 *
 * @param statuses statuses to include
 * @param includeArchived whether tasks archived by the retention clean-up are listed
 * @param owner only this owner's tasks; null for every owner's
 */
public record ListTasksQuery(
        Set<TaskStatus> statuses,
        String type,
        String problemId,
        String workerId,
        boolean includeArchived,
        int limit,
        int offset,
        String owner) {

    public ListTasksQuery(
            Set<TaskStatus> statuses,
            String type,
            String problemId,
            String workerId,
            boolean includeArchived,
            int limit,
            int offset) {
        this(statuses, type, problemId, workerId, includeArchived, limit, offset, null);
    }

    /** The same page of one owner's tasks. */
    public ListTasksQuery ownedBy(String owner) {
        return new ListTasksQuery(statuses, type, problemId, workerId, includeArchived, limit, offset, owner);
    }
}
