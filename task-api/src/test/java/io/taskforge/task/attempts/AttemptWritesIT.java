package io.taskforge.task.attempts;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskforge.support.TestDatabase;
import io.taskforge.task.attempts.AttemptWrites.Attempt;
import io.taskforge.task.attempts.AttemptWrites.Ending;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Attempts written per batch of events, on both databases the engine runs on: an attempt that
 * starts and ends in one batch is stored with its outcome, one started earlier is ended by a later
 * batch, an attempt ends once, and a batch delivered again (after its events were stored one by
 * one) changes nothing stored and loses no outcome.
 */
class AttemptWritesIT {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    private final UUID task = UUID.randomUUID();

    static List<DataSource> databases() {
        List<DataSource> databases = TestDatabase.postgresqlAndH2();
        migrate(databases.get(0), "postgresql");
        migrate(databases.get(1), "h2");
        return databases;
    }

    private static void migrate(DataSource database, String vendor) {
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration/" + vendor)
                .load()
                .migrate();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAttemptThatStartsAndEndsInOneBatchIsStoredWithItsOutcome(DataSource database) {
        JdbcTemplate jdbc = new JdbcTemplate(database);

        batch(jdbc, writes -> {
            writes.start(started(1));
            writes.end(task, 1, succeeded(40));
        });

        assertThat(outcomes(jdbc)).containsExactly("1 succeeded 40");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAttemptOfAnEarlierBatchIsEndedByALaterOneAndEndsOnce(DataSource database) {
        JdbcTemplate jdbc = new JdbcTemplate(database);

        batch(jdbc, writes -> writes.start(started(1)));
        assertThat(outcomes(jdbc)).containsExactly("1 running null");
        batch(jdbc, writes -> {
            writes.end(task, 1, failed());
            writes.start(started(2));
        });
        batch(jdbc, writes -> {
            writes.end(task, 1, succeeded(99));
            writes.end(task, 2, succeeded(12));
        });

        assertThat(outcomes(jdbc)).containsExactly("1 failed 30", "2 succeeded 12");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBatchDeliveredAgainLosesNoOutcomeAndChangesNothingEnded(DataSource database) {
        JdbcTemplate jdbc = new JdbcTemplate(database);
        // the batch's events stored one by one (an isolating retry), the first two before a crash
        batch(jdbc, writes -> writes.start(started(1)));
        batch(jdbc, writes -> writes.end(task, 1, failed()));
        batch(jdbc, writes -> writes.start(started(2)));

        batch(jdbc, writes -> {
            writes.start(started(1));
            writes.end(task, 1, failed());
            writes.start(started(2));
            writes.end(task, 2, succeeded(12));
        });
        batch(jdbc, writes -> writes.start(started(2)));

        assertThat(outcomes(jdbc)).containsExactly("1 failed 30", "2 succeeded 12");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCancelDeliveredAgainLeavesTheOutcomeOfAnAttemptItsBatchStarted(DataSource database) {
        JdbcTemplate jdbc = new JdbcTemplate(database);
        // the batch's first event stored on its own (an isolating retry), then a crash
        batch(jdbc, writes -> writes.start(started(1)));

        batch(jdbc, writes -> {
            writes.start(started(1));
            writes.end(task, 1, failed());
            writes.cancel(task, AT.plusSeconds(5));
        });

        assertThat(outcomes(jdbc)).containsExactly("1 failed 30");
        assertThat(jdbc.queryForMap(
                        "SELECT ended_at, error_type, error_message, http_status, classification, circuit_state"
                                + " FROM task_attempt WHERE task_id = ?",
                        task))
                .containsEntry("error_type", "HTTPError")
                .containsEntry("error_message", "bad gateway")
                .containsEntry("http_status", 502)
                .containsEntry("classification", "retryable")
                .containsEntry("circuit_state", "closed");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCancelEndsTheRunningAttemptWhetherItStartedInItsBatchOrBefore(DataSource database) {
        JdbcTemplate jdbc = new JdbcTemplate(database);
        UUID other = UUID.randomUUID();
        batch(jdbc, writes -> writes.start(started(1)));

        batch(jdbc, writes -> {
            writes.cancel(task, AT.plusSeconds(5));
            writes.start(new Attempt(other, 1, "node-a", AT, AT.plusMinutes(1), Ending.RUNNING_STILL));
            writes.cancel(other, AT.plusSeconds(6));
        });

        assertThat(outcomes(jdbc)).containsExactly("1 cancelled null");
        assertThat(jdbc.queryForObject(
                        "SELECT outcome FROM task_attempt WHERE task_id = ? AND attempt = 1", String.class, other))
                .isEqualTo("cancelled");
    }

    private static void batch(JdbcTemplate jdbc, Consumer<AttemptWrites> events) {
        AttemptWrites writes = new AttemptWrites(jdbc, AttemptWrites.NewAttempts.on(jdbc));
        events.accept(writes);
        writes.write();
    }

    private Attempt started(int attempt) {
        return new Attempt(task, attempt, "node-a", AT, AT.plusMinutes(1), Ending.RUNNING_STILL);
    }

    private static Ending succeeded(long millis) {
        return Ending.succeeded(AT.plusSeconds(1), millis);
    }

    private static Ending failed() {
        return new Ending("failed", AT.plusSeconds(1), 30L, "HTTPError", "bad gateway", 502, "retryable", "closed");
    }

    private List<String> outcomes(JdbcTemplate jdbc) {
        return jdbc.query(
                "SELECT attempt, outcome, duration_ms FROM task_attempt WHERE task_id = ? ORDER BY attempt",
                (row, n) -> row.getInt("attempt") + " " + row.getString("outcome") + " " + row.getObject("duration_ms"),
                task);
    }
}
