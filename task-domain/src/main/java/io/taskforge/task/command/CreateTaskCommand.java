package io.taskforge.task.command;

import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskId;
import io.taskforge.task.event.TaskCreatedEvent;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Submit a new task.
 *
 * @param number the task's number, drawn by the submitter from the engine's task number sequence
 *     (at least 1)
 * @param requestedAt when the submission was accepted, which becomes the task's creation time; null
 *     for the engine's clock when the task is created. A submitter that states it knows the whole
 *     creation event, and can answer with the task without reading it back.
 */
public record CreateTaskCommand(
        @TargetAggregateIdentifier TaskId taskId, long number, TaskDefinition definition, Instant requestedAt) {

    public CreateTaskCommand(TaskId taskId, long number, TaskDefinition definition) {
        this(taskId, number, definition, null);
    }

    /** The event that creates the task, at {@code requestedAt} or else at {@code now}. */
    public TaskCreatedEvent createdEvent(Instant now) {
        return new TaskCreatedEvent(taskId, number, definition, requestedAt == null ? now : requestedAt);
    }
}
