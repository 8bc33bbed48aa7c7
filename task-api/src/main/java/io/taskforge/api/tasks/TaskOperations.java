package io.taskforge.api.tasks;

import io.taskforge.api.reads.TaskReads;
import io.taskforge.api.web.ApiErrorCode;
import io.taskforge.api.web.ApiException;
import io.taskforge.engine.commands.CommandBatch;
import io.taskforge.engine.commands.GroupCommit;
import io.taskforge.engine.idempotency.IdempotencyKeys;
import io.taskforge.engine.numbering.TaskNumbers;
import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskId;
import io.taskforge.task.command.CancelTaskCommand;
import io.taskforge.task.command.CreateTaskCommand;
import io.taskforge.task.query.TaskView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Submits and cancels tasks through Axon's command gateway. */
@Component
class TaskOperations {

    private final CommandGateway commands;
    private final TaskReads reads;
    private final IdempotencyKeys idempotencyKeys;
    private final CommandBatch batch;
    private final GroupCommit commits;
    private final TaskNumbers numbers;
    private final Clock clock;

    TaskOperations(
            CommandGateway commands,
            TaskReads reads,
            IdempotencyKeys idempotencyKeys,
            CommandBatch batch,
            GroupCommit commits,
            TaskNumbers numbers,
            Clock clock) {
        this.commands = commands;
        this.reads = reads;
        this.idempotencyKeys = idempotencyKeys;
        this.batch = batch;
        this.commits = commits;
        this.numbers = numbers;
        this.clock = clock;
    }

    /**
     * The outcome of a submission.
     *
     * @param created false when the idempotency key had already created {@code taskId}
     * @param view the task; empty for an earlier task the read model did not show in time (the task
     *     exists regardless)
     */
    record Submission(TaskId taskId, boolean created, Optional<TaskView> view) {}

    /**
     * Creates the task, or finds the one its idempotency key created before. The creation is
     * committed with those other requests make at the same moment ({@link GroupCommit}). A new task
     * is answered from its creation event, which the command states whole (its creation time
     * included), without reading it back or waiting for the read model: a read right after finds it
     * all the same ({@link TaskReads#existing}).
     */
    Submission submit(TaskDefinition definition) {
        String key = definition.idempotencyKey();
        Optional<TaskId> earlier = key == null ? Optional.empty() : idempotencyKeys.taskFor(key);
        if (earlier.isPresent()) {
            return earlier(earlier.get());
        }
        TaskId taskId = TaskId.random();
        var creation = new CreateTaskCommand(taskId, numbers.next(), definition, clock.instant());
        try {
            commits.send(creation);
        } catch (RuntimeException failure) {
            // a concurrent submission with the same key won the race: answer with its task
            Optional<TaskId> winner = key == null ? Optional.empty() : idempotencyKeys.taskFor(key);
            return winner.map(this::earlier).orElseThrow(() -> failure);
        }
        return new Submission(taskId, true, Optional.of(TaskView.ofCreation(creation.createdEvent(clock.instant()))));
    }

    /**
     * Creates every new task of a batch in one transaction: all of them, or none. A task whose
     * idempotency key was used before is answered with the earlier task instead.
     *
     * @return per definition, the task and whether it is new, in the order given
     */
    List<Submission> submitAll(List<TaskDefinition> definitions) {
        List<Submission> submissions = new ArrayList<>(definitions.size());
        Map<TaskId, TaskDefinition> creations = new LinkedHashMap<>();
        for (TaskDefinition definition : definitions) {
            String key = definition.idempotencyKey();
            Optional<TaskId> earlier = key == null ? Optional.empty() : idempotencyKeys.taskFor(key);
            if (earlier.isPresent()) {
                requireOwn(earlier.get(), "tasks[" + submissions.size() + "]: ");
                submissions.add(new Submission(earlier.get(), false, reads.task(earlier.get())));
            } else {
                TaskId taskId = TaskId.random();
                creations.put(taskId, definition);
                submissions.add(new Submission(taskId, true, Optional.empty()));
            }
        }
        Iterator<Long> drawn = numbers.next(creations.size()).iterator();
        batch.sendAll(creations.entrySet().stream()
                .map(creation -> new CreateTaskCommand(creation.getKey(), drawn.next(), creation.getValue()))
                .toList());
        return submissions;
    }

    private Submission earlier(TaskId taskId) {
        requireOwn(taskId, "");
        return new Submission(taskId, false, reads.awaitTask(taskId));
    }

    /**
     * An idempotency key answers with the caller's own earlier task only; of another owner's task the
     * caller learns no more than that the key is taken.
     */
    private void requireOwn(TaskId earlier, String subject) {
        if (!reads.visible(earlier)) {
            throw new ApiException(
                    ApiErrorCode.CONFLICT, subject + "idempotency_key is already used by another owner's task");
        }
    }

    void cancel(TaskId taskId, String requestedBy) {
        reads.requireVisible(taskId);
        commands.sendAndWait(new CancelTaskCommand(taskId, "cancelled through the API", requestedBy));
    }
}
