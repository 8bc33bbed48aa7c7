package io.taskforge.api.tasks;

import io.taskforge.api.reads.TaskReads;
import io.taskforge.engine.idempotency.IdempotencyKeys;
import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskId;
import io.taskforge.task.command.CancelTaskCommand;
import io.taskforge.task.command.CreateTaskCommand;
import io.taskforge.task.query.TaskView;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Submits and cancels tasks through Axon's command gateway. */
@Component
class TaskOperations {

    /** How long a submission waits for the task view to show the new task. */
    static final Duration VIEW_WAIT = Duration.ofSeconds(10);

    private final CommandGateway commands;
    private final TaskReads reads;
    private final IdempotencyKeys idempotencyKeys;

    TaskOperations(CommandGateway commands, TaskReads reads, IdempotencyKeys idempotencyKeys) {
        this.commands = commands;
        this.reads = reads;
        this.idempotencyKeys = idempotencyKeys;
    }

    /**
     * The outcome of a submission.
     *
     * @param created false when the idempotency key had already created {@code taskId}
     * @param view the task as the projection shows it; empty if the view did not catch up in time
     *     (the task exists regardless)
     */
    record Submission(TaskId taskId, boolean created, Optional<TaskView> view) {}

    /**
     * Creates the task, or finds the one its idempotency key created before, and returns its view
     * once the projection has it, so the submitter can read its own write.
     */
    Submission submit(TaskDefinition definition) {
        String key = definition.idempotencyKey();
        Optional<TaskId> earlier = key == null ? Optional.empty() : idempotencyKeys.taskFor(key);
        if (earlier.isPresent()) {
            return new Submission(earlier.get(), false, awaitView(earlier.get(), () -> {}));
        }
        TaskId taskId = TaskId.random();
        try {
            var view = awaitView(taskId, () -> commands.sendAndWait(new CreateTaskCommand(taskId, definition)));
            return new Submission(taskId, true, view);
        } catch (RuntimeException failure) {
            // a concurrent submission with the same key won the race: answer with its task
            TaskId winner = key == null ? null : idempotencyKeys.taskFor(key).orElse(null);
            if (winner == null) {
                throw failure;
            }
            return new Submission(winner, false, awaitView(winner, () -> {}));
        }
    }

    private Optional<TaskView> awaitView(TaskId taskId, Runnable action) {
        return reads.awaitTask(taskId, action, VIEW_WAIT);
    }

    void cancel(TaskId taskId, String requestedBy) {
        commands.sendAndWait(new CancelTaskCommand(taskId, "cancelled through the API", requestedBy));
    }
}
