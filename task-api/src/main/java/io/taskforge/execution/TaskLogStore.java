package io.taskforge.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskforge.task.TaskId;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends task log lines to {@code task_log}. Lines are diagnostics, not state: they are written
 * straight to their table rather than as events, so a chatty handler cannot bloat the event store.
 */
@Component
public class TaskLogStore {

    private static final Logger log = LoggerFactory.getLogger(TaskLogStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE_LENGTH = 8_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    TaskLogStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The log of one attempt of a task. */
    public TaskLog forAttempt(TaskId taskId, int attempt) {
        return (level, message, context) -> append(taskId, attempt, level, message, context);
    }

    private void append(TaskId taskId, int attempt, TaskLog.Level level, String message, Map<String, Object> context) {
        String text = message == null ? "" : message;
        try {
            jdbc.update(
                    "INSERT INTO task_log (task_id, attempt, logged_at, level, message, context_json) VALUES (?, ?, ?, ?, ?, ?)",
                    taskId.value(),
                    attempt,
                    clock.instant().atOffset(ZoneOffset.UTC),
                    level.name().toLowerCase(java.util.Locale.ROOT),
                    text.length() > MAX_MESSAGE_LENGTH ? text.substring(0, MAX_MESSAGE_LENGTH) : text,
                    context == null || context.isEmpty() ? null : JSON.writeValueAsString(context));
        } catch (JsonProcessingException | RuntimeException e) {
            // a log line that cannot be stored must not fail the task it describes
            log.warn("could not store a log line of task {}: {}", taskId, e.getMessage());
        }
    }
}
