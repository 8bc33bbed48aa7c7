package io.taskforge.task.query;

import io.taskforge.task.TaskId;
import java.util.Set;

/** Ask for the current views of several tasks at once; tasks the view does not have are left out. */
public record FindTasksQuery(Set<TaskId> taskIds) {

    public FindTasksQuery {
        taskIds = Set.copyOf(taskIds);
    }
}
