package io.taskforge.api.families.systemtasks;

import io.taskforge.task.query.TaskView;
import java.time.Instant;

/**
 * A task in seed 000's list.
 *
 * @param id the task's number (null for a task created before tasks had numbers)
 * @param taskId the task's id
 * @param status the canonical status word: {@code pending}, {@code running}, {@code retry_scheduled},
 *     {@code completed}, {@code failed}, {@code timeout} or {@code cancelled}
 * @param error the error message of a failed or timed-out task; null otherwise
 */
record SystemTask(
        Long id,
        String taskId,
        String category,
        String description,
        Instant createdAt,
        String createdBy,
        String status,
        String error) {

    static SystemTask of(TaskView view) {
        boolean failed = view.status().isFailedOrTimedOut();
        return new SystemTask(
                view.number(),
                view.taskId().toString(),
                view.category().name(),
                view.description(),
                view.createdAt(),
                view.createdBy(),
                view.status().wireName(),
                failed ? view.errorMessage() : null);
    }
}
