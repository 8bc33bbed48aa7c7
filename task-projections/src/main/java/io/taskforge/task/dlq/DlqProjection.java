package io.taskforge.task.dlq;

import static io.taskforge.task.storage.UtcTimestamps.instant;
import static io.taskforge.task.storage.UtcTimestamps.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskforge.task.TaskId;
import io.taskforge.task.event.FailureExplainedEvent;
import io.taskforge.task.event.MovedToDlqEvent;
import io.taskforge.task.event.TaskArchivedEvent;
import io.taskforge.task.event.TaskRequeuedEvent;
import io.taskforge.task.processing.ProcessingGroups;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps the dead letter queue; replaying rebuilds the same entries. */
@Component
@ProcessingGroup(ProcessingGroups.TASK_DLQ)
class DlqProjection {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    DlqProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(MovedToDlqEvent event) {
        UUID id = event.taskId().value();
        jdbc.update("DELETE FROM dlq_entry WHERE task_id = ?", id);
        jdbc.update(
                "INSERT INTO dlq_entry (task_id, type, provider, error_type, error_message, http_status, attempts, reason,"
                        + " alert_severity, status, moved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                event.type(),
                event.provider(),
                event.error().type(),
                event.error().message(),
                event.error().httpStatus(),
                event.attempts(),
                event.reason(),
                event.alertSeverity().name().toLowerCase(Locale.ROOT),
                DlqStatus.PENDING.wireName(),
                utc(event.occurredAt()));
    }

    @EventHandler
    void on(FailureExplainedEvent event) throws JsonProcessingException {
        jdbc.update(
                "UPDATE dlq_entry SET classification = ?, circuit_state = ?, retry_json = ?, fallback_json = ?"
                        + " WHERE task_id = ?",
                lower(event.classification()),
                lower(event.circuitState()),
                json.writeValueAsString(DlqRetryPolicy.of(event.retry())),
                event.fallback() == null ? null : json.writeValueAsString(DlqFallback.of(event.fallback())),
                event.taskId().value());
    }

    @EventHandler
    void on(TaskRequeuedEvent event) {
        jdbc.update(
                "UPDATE dlq_entry SET status = ?, retried_at = ?, retried_by = ? WHERE task_id = ? AND status = ?",
                DlqStatus.RETRIED.wireName(),
                utc(event.occurredAt()),
                event.requestedBy(),
                event.taskId().value(),
                DlqStatus.PENDING.wireName());
    }

    @EventHandler
    void on(TaskArchivedEvent event) {
        jdbc.update(
                "UPDATE dlq_entry SET status = ? WHERE task_id = ?",
                DlqStatus.ARCHIVED.wireName(),
                event.taskId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM dlq_entry");
    }

    @QueryHandler
    List<DlqEntry> handle(ListDlqQuery query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM dlq_entry WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (query.status() != null) {
            sql.append(" AND status = ?");
            parameters.add(query.status().wireName());
        }
        if (query.agent() != null) {
            sql.append(" AND (provider = ? OR type = ?)");
            parameters.add(query.agent());
            parameters.add(query.agent());
        }
        if (query.owner() != null) {
            // the owner is the task's, kept by the task view: the dead letter queue's events do not carry it
            sql.append(" AND task_id IN (SELECT task_id FROM task_view WHERE owner = ?)");
            parameters.add(query.owner());
        }
        sql.append(" ORDER BY moved_at DESC, task_id LIMIT ? OFFSET ?");
        parameters.add(query.limit());
        parameters.add(query.offset());
        return jdbc.query(sql.toString(), (row, n) -> entryOf(row), parameters.toArray());
    }

    @QueryHandler
    Optional<DlqEntry> handle(FindDlqEntryQuery query) {
        return jdbc
                .query(
                        "SELECT * FROM dlq_entry WHERE task_id = ?",
                        (row, n) -> entryOf(row),
                        query.taskId().value())
                .stream()
                .findFirst();
    }

    @QueryHandler
    Long handle(CountRedriveCandidatesQuery query) {
        List<Object> parameters = new ArrayList<>();
        String where = redriveWhere(query.filter(), parameters);
        return jdbc.queryForObject("SELECT count(*) FROM dlq_entry" + where, Long.class, parameters.toArray());
    }

    @QueryHandler
    List<DlqEntry> handle(ListRedriveCandidatesQuery query) {
        List<Object> parameters = new ArrayList<>();
        String where = redriveWhere(query.filter(), parameters);
        parameters.add(query.limit());
        return jdbc.query(
                "SELECT * FROM dlq_entry" + where + " ORDER BY moved_at, task_id LIMIT ?",
                (row, n) -> entryOf(row),
                parameters.toArray());
    }

    private static String redriveWhere(RedriveFilter filter, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE status = ?");
        parameters.add(DlqStatus.PENDING.wireName());
        condition(where, parameters, " AND error_type = ?", filter.errorType());
        condition(where, parameters, " AND provider = ?", filter.provider());
        condition(where, parameters, " AND type = ?", filter.type());
        condition(where, parameters, " AND moved_at >= ?", filter.since() == null ? null : utc(filter.since()));
        condition(where, parameters, " AND moved_at < ?", filter.until() == null ? null : utc(filter.until()));
        condition(where, parameters, " AND task_id IN (SELECT task_id FROM task_view WHERE owner = ?)", filter.owner());
        return where.toString();
    }

    private static void condition(StringBuilder where, List<Object> parameters, String sql, Object value) {
        if (value != null) {
            where.append(sql);
            parameters.add(value);
        }
    }

    private DlqEntry entryOf(ResultSet row) throws SQLException {
        int status = row.getInt("http_status");
        Integer httpStatus = row.wasNull() ? null : status;
        return new DlqEntry(
                new TaskId(row.getObject("task_id", UUID.class)),
                row.getString("type"),
                row.getString("provider"),
                row.getString("error_type"),
                row.getString("error_message"),
                httpStatus,
                row.getInt("attempts"),
                row.getString("reason"),
                row.getString("alert_severity"),
                DlqStatus.named(row.getString("status")).orElseThrow(),
                instant(row, "moved_at"),
                instant(row, "retried_at"),
                row.getString("retried_by"),
                row.getString("classification"),
                row.getString("circuit_state"),
                read(row.getString("retry_json"), DlqRetryPolicy.class),
                read(row.getString("fallback_json"), DlqFallback.class));
    }

    private <T> T read(String stored, Class<T> type) {
        try {
            return stored == null ? null : json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored dead letter explanation is not valid JSON", e);
        }
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
