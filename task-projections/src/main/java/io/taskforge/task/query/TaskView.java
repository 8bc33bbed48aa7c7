package io.taskforge.task.query;

import io.taskforge.task.TaskCategory;
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
        return TaskViewRow.created(created.taskId(), created.number(), created.definition(), created.occurredAt())
                .toView();
    }
}
