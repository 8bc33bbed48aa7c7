package io.taskforge.tasks;

import io.taskforge.task.counts.TaskCounts;
import io.taskforge.task.counts.TaskCountsQuery;
import io.taskforge.task.query.FindTaskQuery;
import io.taskforge.task.query.TaskView;
import io.taskforge.web.TaskIdParameter;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** The reads every task endpoint starts from: one task named in a path, and the task counters. */
@Component
public class TaskLookup {

    private final QueryGateway queries;

    TaskLookup(QueryGateway queries) {
        this.queries = queries;
    }

    /** The task a path names; a 404 when the id is not a UUID or no task has it. */
    public TaskView existing(String taskId) {
        return queries.query(
                        new FindTaskQuery(TaskIdParameter.parse(taskId)),
                        ResponseTypes.optionalInstanceOf(TaskView.class))
                .join()
                .orElseThrow(() -> TaskIdParameter.notFound(taskId));
    }

    public TaskCounts counts() {
        return queries.query(new TaskCountsQuery(), TaskCounts.class).join();
    }
}
