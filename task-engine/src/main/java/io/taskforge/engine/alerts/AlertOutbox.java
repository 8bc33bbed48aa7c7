package io.taskforge.engine.alerts;

import static io.taskforge.engine.persistence.SqlValues.instant;
import static io.taskforge.engine.persistence.SqlValues.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskforge.task.event.AlertRaisedEvent;
import io.taskforge.task.processing.ProcessingGroups;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The alerts still to deliver, in {@code alert_outbox}. A row is written in the transaction that
 * stores the alert's event, so no alert is lost between deciding and delivering, and stays until
 * the delivery loop has handed it over; claims let several nodes share the work without sending
 * an alert twice at once.
 */
@Component
@ProcessingGroup(ProcessingGroups.ALERT_OUTBOX)
public class AlertOutbox {

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;

    AlertOutbox(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    @EventHandler
    void on(AlertRaisedEvent event) throws JsonProcessingException {
        jdbc.update(
                "INSERT INTO alert_outbox (alert_id, payload_json, created_at, next_attempt_at, attempts, rounds)"
                        + " VALUES (:id, :payload, :at, :at, 0, 0)",
                new MapSqlParameterSource("id", event.alertId())
                        .addValue("payload", json.writeValueAsString(AlertPayload.of(event)))
                        .addValue("at", utc(event.occurredAt())));
    }

    /** Claims up to {@code max} alerts due at {@code now}, each for {@code claimFor}. */
    List<PendingAlert> claim(int max, Instant now, Duration claimFor) {
        return transactions.execute(status -> {
            List<PendingAlert> due = jdbc.query(
                    """
                    SELECT alert_id, payload_json, attempts, rounds FROM alert_outbox
                    WHERE delivered_at IS NULL AND next_attempt_at <= :now
                    ORDER BY next_attempt_at, alert_id
                    LIMIT :max
                    FOR UPDATE SKIP LOCKED
                    """,
                    new MapSqlParameterSource("now", utc(now)).addValue("max", max),
                    (row, n) -> new PendingAlert(
                            row.getObject("alert_id", UUID.class),
                            row.getString("payload_json"),
                            row.getInt("attempts"),
                            row.getInt("rounds")));
            due.forEach(alert -> jdbc.update(
                    "UPDATE alert_outbox SET next_attempt_at = :until WHERE alert_id = :id",
                    new MapSqlParameterSource("id", alert.alertId()).addValue("until", utc(now.plus(claimFor)))));
            return due;
        });
    }

    void delivered(UUID alertId, int attempts, Instant at) {
        jdbc.update(
                "UPDATE alert_outbox SET delivered_at = :at, attempts = :attempts, rounds = rounds + 1,"
                        + " last_error = NULL WHERE alert_id = :id",
                new MapSqlParameterSource("id", alertId).addValue("at", utc(at)).addValue("attempts", attempts));
    }

    void failed(UUID alertId, int attempts, String error, Instant nextAttemptAt) {
        jdbc.update(
                "UPDATE alert_outbox SET attempts = :attempts, rounds = rounds + 1, last_error = :error,"
                        + " next_attempt_at = :next WHERE alert_id = :id",
                new MapSqlParameterSource("id", alertId)
                        .addValue("attempts", attempts)
                        .addValue("error", error)
                        .addValue("next", utc(nextAttemptAt)));
    }

    /** How far each of these alerts' delivery got; an alert missing from the answer has no outbox row. */
    public Map<UUID, AlertDeliveryStatus> statusOf(Collection<UUID> alertIds) {
        Map<UUID, AlertDeliveryStatus> statuses = new HashMap<>();
        if (alertIds.isEmpty()) {
            return statuses;
        }
        jdbc.query(
                "SELECT alert_id, attempts, delivered_at, next_attempt_at, last_error FROM alert_outbox"
                        + " WHERE alert_id IN (:ids)",
                new MapSqlParameterSource("ids", alertIds),
                row -> {
                    Instant delivered = instant(row, "delivered_at");
                    statuses.put(
                            row.getObject("alert_id", UUID.class),
                            new AlertDeliveryStatus(
                                    row.getInt("attempts"),
                                    delivered,
                                    delivered == null ? instant(row, "next_attempt_at") : null,
                                    row.getString("last_error")));
                });
        return statuses;
    }
}
