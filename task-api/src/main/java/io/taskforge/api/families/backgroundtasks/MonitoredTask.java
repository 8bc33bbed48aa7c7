package io.taskforge.api.families.backgroundtasks;

import io.taskforge.task.query.TaskView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A task in seed 001's shape.
 *
 * @param command the argument vector of a {@code command} task; null for other types
 * @param status the canonical status word: {@code pending}, {@code running}, {@code retry_scheduled},
 *     {@code completed}, {@code failed}, {@code timeout} or {@code cancelled}
 * @param completedAt when the task completed successfully; null otherwise
 * @param errorMessage the last error's message
 * @param progress the last progress message, or the percentage (such as {@code 45%}) when the runner
 *     gave none; null before any progress
 */
record MonitoredTask(
        String taskId,
        List<String> command,
        String status,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt,
        String errorMessage,
        String progress,
        Map<String, Object> metadata) {

    static MonitoredTask of(TaskView view) {
        return new MonitoredTask(
                view.taskId().toString(),
                commandOf(view),
                view.status().wireName(),
                view.createdAt(),
                view.startedAt(),
                view.completedAt(),
                view.errorMessage(),
                progressOf(view),
                view.metadata());
    }

    static String progressOf(TaskView view) {
        if (view.progressMessage() != null && !view.progressMessage().isBlank()) {
            return view.progressMessage();
        }
        return view.progress() > 0 ? view.progress() + "%" : null;
    }

    private static List<String> commandOf(TaskView view) {
        return view.input() != null && view.input().get("argv") instanceof List<?> argv
                ? argv.stream().map(String::valueOf).toList()
                : null;
    }
}
