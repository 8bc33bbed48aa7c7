package io.taskforge.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskforge.execution.TaskLog;
import io.taskforge.task.TaskId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the lines of {@code task_log}, the engine's and the handlers', oldest first. */
@Component
class TaskLogReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final NamedParameterJdbcTemplate jdbc;

    TaskLogReader(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The task's first {@code limit} lines of at least the given severity.
     *
     * @param minimum the least severe level to include; null for every line
     */
    List<TaskLogLine> read(TaskId taskId, TaskLog.Level minimum, int limit) {
        var params = new MapSqlParameterSource("taskId", taskId.value()).addValue("limit", limit);
        String levelFilter = "";
        if (minimum != null) {
            params.addValue("levels", atLeast(minimum));
            levelFilter = " AND level IN (:levels)";
        }
        return jdbc.query(
                "SELECT attempt, logged_at, level, message, context_json FROM task_log WHERE task_id = :taskId"
                        + levelFilter + " ORDER BY logged_at, id LIMIT :limit",
                params,
                (row, index) -> line(row));
    }

    /** The stored words of {@code minimum} and every more severe level. */
    static List<String> atLeast(TaskLog.Level minimum) {
        return Arrays.stream(TaskLog.Level.values())
                .filter(level -> level.compareTo(minimum) >= 0)
                .map(level -> level.name().toLowerCase(Locale.ROOT))
                .toList();
    }

    private static TaskLogLine line(ResultSet row) throws SQLException {
        return new TaskLogLine(
                row.getObject("logged_at", OffsetDateTime.class).toInstant(),
                row.getString("level"),
                row.getString("message"),
                context(row.getString("context_json")),
                row.getObject("attempt", Integer.class));
    }

    private static Map<String, Object> context(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException unreadable) {
            // the writer only stores JSON objects; anything else is still shown rather than hidden
            return Map.of("raw", json);
        }
    }
}
