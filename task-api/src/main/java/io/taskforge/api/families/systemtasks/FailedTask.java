package io.taskforge.api.families.systemtasks;

import io.taskforge.task.query.TaskView;
import java.time.Instant;

/**
 * A failed or timed-out task in seed 000's list of failures.
 *
 * @param id the task's number (null for a task created before tasks had numbers)
 * @param taskId the task's id
 * @param failedAt when the task failed or timed out
 * @param errorType the kind of the last error, such as an exception class name, {@code http_error}
 *     or {@code timeout}
 */
record FailedTask(
        Long id,
        String taskId,
        String category,
        String description,
        Instant createdAt,
        Instant failedAt,
        String error,
        String errorType) {

    static FailedTask of(TaskView view) {
        return new FailedTask(
                view.number(),
                view.taskId().toString(),
                view.category().name(),
                view.description(),
                view.createdAt(),
                view.finishedAt(),
                view.errorMessage(),
                view.errorType());
    }
}
