package io.taskforge.task.attempts;

import static io.taskforge.task.storage.UtcTimestamps.instant;
import static io.taskforge.task.storage.UtcTimestamps.utc;

import io.taskforge.task.TaskError;
import io.taskforge.task.event.AttemptFailedEvent;
import io.taskforge.task.event.AttemptStartedEvent;
import io.taskforge.task.event.AttemptSucceededEvent;
import io.taskforge.task.event.FallbackStepAppliedEvent;
import io.taskforge.task.event.TaskCancelledEvent;
import io.taskforge.task.processing.ProcessingGroups;
import io.taskforge.task.storage.BatchScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps one row per attempt; replaying rebuilds the same rows. */
@Component
@ProcessingGroup(ProcessingGroups.TASK_ATTEMPTS)
class AttemptsProjection {

    private final JdbcTemplate jdbc;

    /** The batch's attempts, written when it commits. */
    private final BatchScope<AttemptWrites> attempts;

    AttemptsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        AttemptWrites.NewAttempts newAttempts = AttemptWrites.NewAttempts.on(jdbc);
        this.attempts = new BatchScope<>(AttemptsProjection.class, () -> new AttemptWrites(jdbc, newAttempts));
    }

    @EventHandler
    void on(AttemptStartedEvent event) {
        UUID taskId = event.taskId().value();
        attempts.change(
                taskId,
                batch -> batch.start(new AttemptWrites.Attempt(
                        taskId,
                        event.attempt(),
                        event.workerId(),
                        utc(event.occurredAt()),
                        utc(event.deadline()),
                        AttemptWrites.Ending.RUNNING_STILL)));
    }

    @EventHandler
    void on(AttemptSucceededEvent event) {
        end(
                event.taskId().value(),
                event.attempt(),
                AttemptWrites.Ending.succeeded(utc(event.occurredAt()), event.durationMillis()));
    }

    @EventHandler
    void on(AttemptFailedEvent event) {
        TaskError error = event.error();
        end(
                event.taskId().value(),
                event.attempt(),
                new AttemptWrites.Ending(
                        TaskError.TIMEOUT.equals(error.type()) ? "timed_out" : "failed",
                        utc(event.occurredAt()),
                        event.durationMillis(),
                        error.type(),
                        error.message(),
                        error.httpStatus(),
                        lower(event.classification()),
                        lower(event.circuitState())));
    }

    /** A cancel stops the running attempt, if any: it ends cancelled. */
    @EventHandler
    void on(TaskCancelledEvent event) {
        UUID taskId = event.taskId().value();
        attempts.change(taskId, batch -> batch.cancel(taskId, utc(event.occurredAt())));
    }

    private void end(UUID taskId, int attempt, AttemptWrites.Ending ending) {
        attempts.change(taskId, batch -> batch.end(taskId, attempt, ending));
    }

    @EventHandler
    void on(FallbackStepAppliedEvent event, @SequenceNumber long sequence) {
        jdbc.update(
                "INSERT INTO task_fallback_step (task_id, sequence, chain_id, chain_name, chain_version, step_index,"
                        + " strategy, after_attempt, next_attempt, type, provider, applied_at)"
                        + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                        + " WHERE NOT EXISTS (SELECT 1 FROM task_fallback_step WHERE task_id = ? AND sequence = ?)",
                event.taskId().value(),
                sequence,
                event.chain().chainId().value(),
                event.chain().name(),
                event.chain().version(),
                event.stepIndex(),
                event.step().strategy().wireName(),
                event.failedAttempt(),
                event.nextAttempt(),
                event.type(),
                event.provider(),
                utc(event.occurredAt()),
                event.taskId().value(),
                sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM task_attempt");
        jdbc.update("DELETE FROM task_fallback_step");
    }

    @QueryHandler
    List<FallbackStepView> handle(TaskFallbackStepsQuery query) {
        return jdbc.query(
                "SELECT * FROM task_fallback_step WHERE task_id = ? ORDER BY sequence",
                (row, n) -> new FallbackStepView(
                        row.getObject("chain_id", UUID.class).toString(),
                        row.getString("chain_name"),
                        row.getInt("chain_version"),
                        row.getInt("step_index"),
                        row.getString("strategy"),
                        row.getInt("after_attempt"),
                        row.getInt("next_attempt"),
                        row.getString("type"),
                        row.getString("provider"),
                        instant(row, "applied_at")),
                query.taskId().value());
    }

    @QueryHandler
    List<AttemptView> handle(TaskAttemptsQuery query) {
        return jdbc.query(
                "SELECT * FROM task_attempt WHERE task_id = ? ORDER BY attempt",
                (row, n) -> viewOf(row),
                query.taskId().value());
    }

    private static AttemptView viewOf(ResultSet row) throws SQLException {
        long duration = row.getLong("duration_ms");
        boolean hasDuration = !row.wasNull();
        int status = row.getInt("http_status");
        boolean hasStatus = !row.wasNull();
        return new AttemptView(
                row.getInt("attempt"),
                row.getString("worker_id"),
                instant(row, "started_at"),
                instant(row, "deadline"),
                instant(row, "ended_at"),
                hasDuration ? duration : null,
                row.getString("outcome"),
                row.getString("error_type"),
                row.getString("error_message"),
                hasStatus ? status : null,
                row.getString("classification"),
                row.getString("circuit_state"));
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
