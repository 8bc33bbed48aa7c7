package io.taskforge.api.retention;

import io.taskforge.api.reads.TaskReads;
import io.taskforge.task.TaskId;
import io.taskforge.task.command.ArchiveTaskCommand;
import io.taskforge.task.command.TaskRuleViolationException;
import io.taskforge.task.query.ListFinishedBeforeQuery;
import io.taskforge.task.query.TaskView;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Archives the tasks that finished before a cutoff with one {@link ArchiveTaskCommand} each, so that
 * archiving is an event every read model rebuilt by a replay agrees with.
 */
@Component
public class TaskRetention {

    static final int BATCH_SIZE = 500;

    private final CommandGateway commands;
    private final TaskReads reads;
    private final int batchSize;

    @Autowired
    TaskRetention(CommandGateway commands, TaskReads reads) {
        this(commands, reads, BATCH_SIZE);
    }

    public TaskRetention(CommandGateway commands, TaskReads reads, int batchSize) {
        this.commands = commands;
        this.reads = reads;
        this.batchSize = batchSize;
    }

    /** Archives every finished, unarchived task that finished before {@code cutoff}; returns how many. */
    public int archiveFinishedBefore(Instant cutoff) {
        int archived = 0;
        ListFinishedBeforeQuery query = ListFinishedBeforeQuery.firstPage(cutoff, batchSize);
        List<TaskView> page = reads.finishedBefore(query);
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
            page = reads.finishedBefore(query);
        }
        return archived;
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
