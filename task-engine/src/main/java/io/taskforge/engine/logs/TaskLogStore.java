package io.taskforge.engine.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskforge.engine.persistence.DatabaseVendor;
import io.taskforge.engine.persistence.DeferredWrites;
import io.taskforge.engine.persistence.SqlValues;
import io.taskforge.handler.TaskLog;
import io.taskforge.task.SecretValues;
import io.taskforge.task.StorableText;
import io.taskforge.task.TaskId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one owner of {@code task_log}. Two kinds of lines share it (decision 0005): the engine's,
 * derived from events by {@link TaskLogProjection} and marked with the event's sequence number so
 * a replay rebuilds them; and the handlers', appended as they are written, which are diagnostics
 * rather than state and so never events. Every line's text is cleaned of characters the table
 * cannot hold and cut to {@value #MAX_MESSAGE_LENGTH} characters; a line's context is read with its
 * secret-looking values redacted.
 */
@Component
public class TaskLogStore {

    private static final Logger log = LoggerFactory.getLogger(TaskLogStore.class);
    static final int MAX_MESSAGE_LENGTH = 8_000;

    private static final String INSERT_ENGINE_LINE =
            "INSERT INTO task_log (task_id, attempt, logged_at, level, message, context_json, event_sequence)";

    private final NamedParameterJdbcTemplate jdbc;
    private final DeferredWrites writes;
    private final ObjectMapper json;
    private final Clock clock;
    private final String insertEngineLineOnce;

    TaskLogStore(NamedParameterJdbcTemplate jdbc, DeferredWrites writes, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
        this.clock = clock;
        this.insertEngineLineOnce =
                insertEngineLineOnce(DatabaseVendor.of(jdbc.getJdbcTemplate().getDataSource()));
    }

    /**
     * The engine's line, unless its event's line is stored already. PostgreSQL's form lets the driver
     * send a batch of lines as one multi-row insert; H2 knows no {@code ON CONFLICT} outside its
     * PostgreSQL mode.
     */
    private static String insertEngineLineOnce(DatabaseVendor vendor) {
        return switch (vendor) {
            case POSTGRESQL ->
                INSERT_ENGINE_LINE
                        + " VALUES (:taskId, :attempt, :at, :level, :message, :context, :sequence)"
                        + " ON CONFLICT (task_id, event_sequence) DO NOTHING";
            case H2 ->
                INSERT_ENGINE_LINE
                        + " SELECT :taskId, :attempt, :at, :level, :message, :context, :sequence WHERE NOT EXISTS"
                        + " (SELECT 1 FROM task_log WHERE task_id = :taskId AND event_sequence = :sequence)";
        };
    }

    /** The log one attempt's handler writes to. */
    public TaskLog forAttempt(TaskId taskId, int attempt) {
        return (level, message, context) -> appendHandlerLine(taskId, attempt, level, message, context);
    }

    @QueryHandler
    List<TaskLogLine> handle(TaskLogQuery query) {
        var params = new MapSqlParameterSource("taskId", query.taskId().value()).addValue("limit", query.limit());
        String levelFilter = "";
        if (query.minimum() != null) {
            params.addValue("levels", atLeast(query.minimum()));
            levelFilter = " AND level IN (:levels)";
        }
        return jdbc.query(
                "SELECT attempt, logged_at, level, message, context_json FROM task_log WHERE task_id = :taskId"
                        + levelFilter + " ORDER BY logged_at, id LIMIT :limit",
                params,
                (row, index) -> line(row));
    }

    /**
     * Stores the engine's line about one event, once: a redelivered event writes nothing new. The
     * line is written with the rest of the projection's batch, just before it commits.
     */
    void appendEngineLine(TaskId taskId, long eventSequence, Instant at, EngineLogLine line) {
        writes.add(
                taskId,
                insertEngineLineOnce,
                new MapSqlParameterSource("taskId", taskId.value())
                        .addValue("attempt", line.attempt())
                        .addValue("at", SqlValues.utc(at))
                        .addValue("level", line.level())
                        .addValue("message", StorableText.clean(line.message(), MAX_MESSAGE_LENGTH))
                        .addValue("context", contextJson(line.context()))
                        .addValue("sequence", eventSequence));
    }

    /** Removes the engine's lines before a replay writes them again; the handlers' lines stay. */
    void deleteEngineLines() {
        jdbc.update("DELETE FROM task_log WHERE event_sequence IS NOT NULL", Map.of());
    }

    /** The stored words of {@code minimum} and every more severe level. */
    static List<String> atLeast(TaskLog.Level minimum) {
        return Arrays.stream(TaskLog.Level.values())
                .filter(level -> level.compareTo(minimum) >= 0)
                .map(level -> level.name().toLowerCase(Locale.ROOT))
                .toList();
    }

    private void appendHandlerLine(
            TaskId taskId, int attempt, TaskLog.Level level, String message, Map<String, Object> context) {
        try {
            jdbc.update(
                    "INSERT INTO task_log (task_id, attempt, logged_at, level, message, context_json)"
                            + " VALUES (:taskId, :attempt, :at, :level, :message, :context)",
                    new MapSqlParameterSource("taskId", taskId.value())
                            .addValue("attempt", attempt)
                            .addValue("at", SqlValues.utc(clock.instant()))
                            .addValue("level", level.name().toLowerCase(Locale.ROOT))
                            .addValue("message", message == null ? "" : StorableText.clean(message, MAX_MESSAGE_LENGTH))
                            .addValue("context", contextJson(context)));
        } catch (RuntimeException e) {
            // a log line that cannot be stored must not fail the task it describes
            log.warn("could not store a log line of task {}: {}", taskId, e.getMessage());
        }
    }

    private String contextJson(Map<String, Object> context) {
        if (context == null || context.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(context);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalArgumentException("a log line's context cannot be written as JSON", unwritable);
        }
    }

    private TaskLogLine line(ResultSet row) throws SQLException {
        return new TaskLogLine(
                SqlValues.instant(row, "logged_at"),
                row.getString("level"),
                row.getString("message"),
                SecretValues.redacted(context(row.getString("context_json"))),
                row.getObject("attempt", Integer.class));
    }

    private Map<String, Object> context(String stored) {
        if (stored == null || stored.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(stored, SqlValues.JSON_OBJECT);
        } catch (JsonProcessingException unreadable) {
            // the writers only store JSON objects; anything else is still shown rather than hidden
            return Map.of("raw", stored);
        }
    }
}
