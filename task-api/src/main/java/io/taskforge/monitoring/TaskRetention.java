package io.taskforge.monitoring;

import io.taskforge.task.TaskId;
import io.taskforge.task.command.ArchiveTaskCommand;
import io.taskforge.task.command.TaskRuleViolationException;
import io.taskforge.task.query.ListFinishedBeforeQuery;
import io.taskforge.task.query.TaskView;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Archives the tasks that finished before a cutoff with one {@link ArchiveTaskCommand} each, so that
 * archiving is an event every read model rebuilt by a replay agrees with.
 */
@Component
class TaskRetention {

    static final int BATCH_SIZE = 500;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final int batchSize;

    @Autowired
    TaskRetention(CommandGateway commands, QueryGateway queries) {
        this(commands, queries, BATCH_SIZE);
    }

    TaskRetention(CommandGateway commands, QueryGateway queries, int batchSize) {
        this.commands = commands;
        this.queries = queries;
        this.batchSize = batchSize;
    }

    /** Archives every finished, unarchived task that finished before {@code cutoff}; returns how many. */
    int archiveFinishedBefore(Instant cutoff) {
        int archived = 0;
        ListFinishedBeforeQuery query = ListFinishedBeforeQuery.firstPage(cutoff, batchSize);
        List<TaskView> page = finished(query);
        while (!page.isEmpty()) {
            for (TaskView view : page) {
                if (archive(view.taskId())) {
                    archived++;
                }
            }
            if (page.size() < batchSize) {
                break;
            }
            query = query.after(page.getLast());
            page = finished(query);
        }
        return archived;
    }

    private List<TaskView> finished(ListFinishedBeforeQuery query) {
        return queries.query(query, ResponseTypes.multipleInstancesOf(TaskView.class))
                .join();
    }

    private boolean archive(TaskId taskId) {
        try {
            commands.sendAndWait(new ArchiveTaskCommand(taskId));
            return true;
        } catch (TaskRuleViolationException requeuedSinceRead) {
            return false;
        } catch (ConcurrencyException archivedByAnotherNode) {
            return false;
        }
    }
}
