package io.taskforge.api.tasks;

import io.taskforge.engine.execution.Stall;
import io.taskforge.task.query.TaskView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A task as the API shows it: the union of the shapes the seed APIs document, so clients of any
 * of them read it unchanged ({@code id} and {@code task_id} are the same value, {@code input} and
 * {@code parameters} likewise).
 *
 * @param number the task's number, which paths take in place of its id; null for a task created
 *     before tasks had numbers
 */
public record TaskResource(
        String id,
        String taskId,
        Long number,
        String type,
        String category,
        String description,
        String status,
        boolean inDlq,
        boolean archived,
        int progress,
        String message,
        Map<String, Object> input,
        Map<String, Object> parameters,
        Map<String, Object> metadata,
        List<String> command,
        Map<String, Object> result,
        TaskErrorBody error,
        String errorMessage,
        String problemId,
        String workerId,
        String provider,
        String owner,
        String createdBy,
        int priority,
        int attempts,
        int maxAttempts,
        long timeoutSeconds,
        Instant nextRetryAt,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant completedAt,
        Instant finishedAt,
        StallBody stall) {

    /** The error of a failed attempt or task. */
    record TaskErrorBody(String type, String message) {}

    /** Why the task is not moving: {@code no_runner}, {@code no_progress} or {@code runner_gone}. */
    record StallBody(String kind, String reason, Instant since) {}

    public static TaskResource of(TaskView view) {
        return of(view, null);
    }

    static TaskResource of(TaskView view, Stall stall) {
        String id = view.taskId().toString();
        TaskErrorBody error =
                view.errorType() == null ? null : new TaskErrorBody(view.errorType(), view.errorMessage());
        return new TaskResource(
                id,
                id,
                view.number(),
                view.type(),
                view.category().name(),
                view.description(),
                view.status().wireName(),
                view.inDlq(),
                view.archived(),
                view.progress(),
                messageOf(view),
                view.input(),
                view.input(),
                view.metadata(),
                commandOf(view),
                view.result(),
                error,
                view.errorMessage(),
                view.problemId(),
                view.workerId(),
                view.provider(),
                view.owner(),
                view.createdBy(),
                view.priority(),
                view.attempts(),
                view.maxAttempts(),
                view.timeoutSeconds(),
                view.nextRetryAt(),
                view.createdAt(),
                view.updatedAt(),
                view.startedAt(),
                view.completedAt(),
                view.finishedAt(),
                stall == null ? null : new StallBody(stall.kind(), stall.reason(), stall.since()));
    }

    private static String messageOf(TaskView view) {
        return switch (view.status()) {
            case PENDING -> "Task queued";
            case RUNNING -> view.progressMessage() != null ? view.progressMessage() : "Task processing started";
            case RETRY_SCHEDULED -> "Attempt " + view.attempts() + " failed; retry scheduled at " + view.nextRetryAt();
            case COMPLETED -> "Task completed successfully";
            case FAILED -> "Task failed: " + view.errorMessage();
            case TIMEOUT -> "Task timed out after " + view.attempts() + " attempt(s)";
            case CANCELLED -> "Task cancelled";
        };
    }

    private static List<String> commandOf(TaskView view) {
        return view.input() != null && view.input().get("argv") instanceof List<?> argv
                ? argv.stream().map(String::valueOf).toList()
                : null;
    }
}
