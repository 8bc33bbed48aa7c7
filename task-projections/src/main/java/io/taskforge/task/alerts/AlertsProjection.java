package io.taskforge.task.alerts;

import static io.taskforge.task.storage.UtcTimestamps.instant;
import static io.taskforge.task.storage.UtcTimestamps.utc;

import io.taskforge.task.TaskId;
import io.taskforge.task.event.AlertAcknowledgedEvent;
import io.taskforge.task.event.AlertRaisedEvent;
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

/**
 * Keeps the alerts and their acknowledgements; replaying rebuilds the same rows. It shares the dead
 * letter queue's processor: alerts are raised as tasks arrive there, and one processor reading the
 * event store serves both.
 */
@Component
@ProcessingGroup(ProcessingGroups.TASK_DLQ)
class AlertsProjection {

    private final JdbcTemplate jdbc;

    AlertsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AlertRaisedEvent event) {
        jdbc.update(
                "INSERT INTO task_alert (alert_id, task_id, severity, source, type, provider, error_type, error_message,"
                        + " reason, raised_at) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                        + " WHERE NOT EXISTS (SELECT 1 FROM task_alert WHERE alert_id = ?)",
                event.alertId(),
                event.taskId().value(),
                event.severity().name().toLowerCase(Locale.ROOT),
                event.source().wireName(),
                event.type(),
                event.provider(),
                event.error() == null ? null : event.error().type(),
                event.error() == null ? null : event.error().message(),
                event.reason(),
                utc(event.occurredAt()),
                event.alertId());
    }

    @EventHandler
    void on(AlertAcknowledgedEvent event) {
        jdbc.update(
                "UPDATE task_alert SET acknowledged_at = ?, acknowledged_by = ?, note = ? WHERE alert_id = ?",
                utc(event.occurredAt()),
                event.acknowledgedBy(),
                event.note(),
                event.alertId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM task_alert");
    }

    @QueryHandler
    List<AlertView> handle(ListAlertsQuery query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM task_alert WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (query.severity() != null) {
            sql.append(" AND severity = ?");
            parameters.add(query.severity());
        }
        if (query.acknowledged() != null) {
            sql.append(query.acknowledged() ? " AND acknowledged_at IS NOT NULL" : " AND acknowledged_at IS NULL");
        }
        if (query.owner() != null) {
            // the owner is the task's, kept by the task view: the alert events do not carry it
            sql.append(" AND task_id IN (SELECT task_id FROM task_view WHERE owner = ?)");
            parameters.add(query.owner());
        }
        sql.append(" ORDER BY raised_at DESC, alert_id LIMIT ? OFFSET ?");
        parameters.add(query.limit());
        parameters.add(query.offset());
        return jdbc.query(sql.toString(), (row, n) -> viewOf(row), parameters.toArray());
    }

    @QueryHandler
    Optional<AlertView> handle(FindAlertQuery query) {
        return jdbc
                .query("SELECT * FROM task_alert WHERE alert_id = ?", (row, n) -> viewOf(row), query.alertId())
                .stream()
                .findFirst();
    }

    private static AlertView viewOf(ResultSet row) throws SQLException {
        return new AlertView(
                row.getObject("alert_id", UUID.class),
                new TaskId(row.getObject("task_id", UUID.class)),
                row.getString("severity"),
                row.getString("source"),
                row.getString("type"),
                row.getString("provider"),
                row.getString("error_type"),
                row.getString("error_message"),
                row.getString("reason"),
                instant(row, "raised_at"),
                instant(row, "acknowledged_at"),
                row.getString("acknowledged_by"),
                row.getString("note"));
    }
}
