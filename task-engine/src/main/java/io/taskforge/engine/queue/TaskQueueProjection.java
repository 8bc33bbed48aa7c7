package io.taskforge.engine.queue;

import io.taskforge.engine.persistence.AfterCommit;
import io.taskforge.task.TaskId;
import io.taskforge.task.event.AttemptStartedEvent;
import io.taskforge.task.event.FallbackStepAppliedEvent;
import io.taskforge.task.event.TaskCancelledEvent;
import io.taskforge.task.event.TaskCompletedEvent;
import io.taskforge.task.event.TaskCreatedEvent;
import io.taskforge.task.event.TaskFailedEvent;
import io.taskforge.task.event.TaskProgressedEvent;
import io.taskforge.task.event.TaskRequeuedEvent;
import io.taskforge.task.event.TaskRetryScheduledEvent;
import io.taskforge.task.event.TaskTimedOutEvent;
import io.taskforge.task.processing.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code task_queue} in step with the events, inside the transaction that stores them: a
 * task is never pending in the event store without being in the queue, and a retry's due time is
 * on disk the moment it is decided.
 */
@Component
@ProcessingGroup(ProcessingGroups.TASK_QUEUE)
class TaskQueueProjection {

    private final TaskQueue queue;
    private final QueueNotifications notifications;
    private final QueueProperties properties;

    TaskQueueProjection(TaskQueue queue, QueueNotifications notifications, QueueProperties properties) {
        this.queue = queue;
        this.notifications = notifications;
        this.properties = properties;
    }

    @EventHandler
    void on(TaskCreatedEvent event) {
        var definition = event.definition();
        queue.insert(event.taskId(), definition, definition.provider(), 1, event.occurredAt(), event.occurredAt());
        workChanged();
    }

    @EventHandler
    void on(AttemptStartedEvent event) {
        queue.started(
                event.taskId(),
                event.attempt(),
                event.workerId(),
                event.occurredAt().plus(properties.lease()),
                event.deadline(),
                event.occurredAt());
    }

    @EventHandler
    void on(TaskProgressedEvent event) {
        queue.progressed(event.taskId(), event.percent(), event.occurredAt());
    }

    @EventHandler
    void on(TaskRetryScheduledEvent event) {
        queue.retryScheduled(event.taskId(), event.nextAttempt(), event.dueAt());
    }

    /** A fallback step's attempts may run another type, against another provider, with another input. */
    @EventHandler
    void on(FallbackStepAppliedEvent event) {
        if (event.nextAttempt() > 0) {
            queue.rerouted(event.taskId(), event.type(), event.provider(), event.input());
        }
    }

    @EventHandler
    void on(TaskRequeuedEvent event) {
        var definition = event.definition();
        queue.insert(
                event.taskId(),
                definition,
                definition.provider(),
                event.nextAttempt(),
                event.occurredAt(),
                event.createdAt());
        workChanged();
    }

    @EventHandler
    void on(TaskCompletedEvent event) {
        finished(event.taskId());
    }

    @EventHandler
    void on(TaskFailedEvent event) {
        finished(event.taskId());
    }

    @EventHandler
    void on(TaskTimedOutEvent event) {
        finished(event.taskId());
    }

    @EventHandler
    void on(TaskCancelledEvent event) {
        finished(event.taskId());
    }

    private void finished(TaskId taskId) {
        queue.remove(taskId);
        workChanged();
    }

    /**
     * A slot or a task became available: wake the dispatchers once the database transaction
     * commits, which for a batch of commands in one transaction is after the last of them.
     */
    private void workChanged() {
        AfterCommit.run(notifications::announce);
    }
}
