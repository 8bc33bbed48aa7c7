package io.taskforge.task.query;

import io.taskforge.task.SecretValues;
import io.taskforge.task.TaskCategory;
import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
import io.taskforge.task.event.TaskCreatedEvent;
import java.time.Instant;
import java.util.Map;

/**
 * A task as readers see it now.
 *
 * @param number the task's number, in the order tasks were submitted; null for a task created before
 *     tasks had numbers
 * @param attempts attempts started over the task's whole life
 * @param finishedAt when the task last reached a final status (completed, failed, timeout or cancelled)
 */
public record TaskView(
        TaskId taskId,
        Long number,
        String type,
        TaskCategory category,
        String description,
        TaskStatus status,
        boolean inDlq,
        boolean archived,
        int priority,
        String provider,
        String owner,
        String createdBy,
        String problemId,
        Map<String, Object> input,
        Map<String, Object> metadata,
        int progress,
        String progressMessage,
        Map<String, Object> result,
        String errorType,
        String errorMessage,
        String workerId,
        int attempts,
        int maxAttempts,
        long timeoutSeconds,
        Instant nextRetryAt,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant completedAt,
        Instant finishedAt) {

    /** The task as its creation event shows it, before any attempt: what the view holds once it has the event. */
    public static TaskView ofCreation(TaskCreatedEvent created) {
        TaskDefinition definition = created.definition();
        Instant at = created.occurredAt();
        return new TaskView(
                created.taskId(),
                created.number(),
                definition.type(),
                definition.category(),
                definition.description(),
                TaskStatus.PENDING,
                false,
                false,
                definition.priority(),
                definition.provider(),
                definition.owner(),
                definition.createdBy(),
                definition.problemId(),
                SecretValues.redacted(definition.input()),
                SecretValues.redacted(definition.metadata()),
                0,
                null,
                null,
                null,
                null,
                null,
                0,
                definition.retry().maxAttempts(),
                definition.timeoutSeconds(),
                null,
                at,
                at,
                null,
                null,
                null);
    }
}
