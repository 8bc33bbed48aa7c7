package io.taskforge.task.attempts;

import io.taskforge.task.storage.BatchInserts;
import io.taskforge.task.storage.BatchScope;
import io.taskforge.task.storage.InsertIfAbsent;
import io.taskforge.task.storage.ReadModelDatabase;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The attempts one batch of events starts or ends, written when the batch commits. An attempt
 * that starts and ends in the same batch, as a short one mostly does, is stored once with its
 * outcome; attempts started in earlier batches are ended by JDBC batches of updates.
 *
 * <p>An attempt ends once: an ending is applied only to an attempt still running, so an event
 * delivered again changes nothing, and neither does a start delivered again after its attempt
 * ended. The updates never touch an attempt the batch itself starts: a batch delivered again may
 * find such an attempt stored already, still running, and its own ending for it comes with the
 * batch's new rows.
 */
final class AttemptWrites implements BatchScope.State {

    private static final String RUNNING = "running";

    private static final List<String> COLUMNS = List.of(
            "task_id",
            "attempt",
            "worker_id",
            "started_at",
            "deadline",
            "outcome",
            "ended_at",
            "duration_ms",
            "error_type",
            "error_message",
            "http_status",
            "classification",
            "circuit_state");

    /** The columns an ending sets, in the order of {@link Ending#values()}. */
    private static final List<String> ENDING_COLUMNS = COLUMNS.subList(COLUMNS.indexOf("outcome"), COLUMNS.size());

    private static final String END_RUNNING = "UPDATE task_attempt SET "
            + String.join(
                    ", ", ENDING_COLUMNS.stream().map(column -> column + " = ?").toList())
            + " WHERE task_id = ? AND attempt = ? AND outcome = '" + RUNNING + "'";

    private static final String CANCEL_RUNNING = "UPDATE task_attempt SET outcome = 'cancelled', ended_at = ?"
            + " WHERE task_id = ? AND outcome = '" + RUNNING + "' AND attempt < ?";

    /** How one database stores the batch's new attempts. */
    interface NewAttempts {

        void store(List<Attempt> attempts);

        static NewAttempts on(JdbcTemplate jdbc) {
            return ReadModelDatabase.isPostgresql(jdbc.getDataSource()) ? upserted(jdbc) : insertedThenEnded(jdbc);
        }

        /** One statement a row, which the driver rewrites into multi-row inserts. */
        private static NewAttempts upserted(JdbcTemplate jdbc) {
            String sql = "INSERT INTO task_attempt (" + String.join(", ", COLUMNS) + ") VALUES ("
                    + String.join(", ", COLUMNS.stream().map(column -> "?").toList()) + ")"
                    + " ON CONFLICT (task_id, attempt) DO UPDATE SET "
                    + String.join(
                            ", ",
                            ENDING_COLUMNS.stream()
                                    .map(column -> column + " = EXCLUDED." + column)
                                    .toList())
                    + " WHERE task_attempt.outcome = '" + RUNNING + "' AND EXCLUDED.outcome <> '" + RUNNING + "'";
            return attempts ->
                    jdbc.batchUpdate(sql, attempts.stream().map(Attempt::values).toList());
        }

        /** H2 has no {@code ON CONFLICT}: the running attempt first, then its ending. */
        private static NewAttempts insertedThenEnded(JdbcTemplate jdbc) {
            InsertIfAbsent running =
                    InsertIfAbsent.into(jdbc.getDataSource(), "task_attempt", COLUMNS, List.of("task_id", "attempt"));
            return attempts -> {
                BatchInserts rows = new BatchInserts(jdbc, running);
                attempts.forEach(attempt -> rows.add(attempt.running().values()));
                rows.write();
                List<Object[]> endings = attempts.stream()
                        .filter(attempt -> !attempt.ending().isRunning())
                        .map(Attempt::endingArguments)
                        .toList();
                if (!endings.isEmpty()) {
                    jdbc.batchUpdate(END_RUNNING, endings);
                }
            };
        }
    }

    /** How an attempt ended, or {@link #RUNNING_STILL} while it runs. */
    record Ending(
            String outcome,
            OffsetDateTime endedAt,
            Long durationMillis,
            String errorType,
            String errorMessage,
            Integer httpStatus,
            String classification,
            String circuitState) {

        static final Ending RUNNING_STILL = new Ending(RUNNING, null, null, null, null, null, null, null);

        static Ending succeeded(OffsetDateTime at, long durationMillis) {
            return new Ending("succeeded", at, durationMillis, null, null, null, null, null);
        }

        static Ending cancelled(OffsetDateTime at) {
            return new Ending("cancelled", at, null, null, null, null, null, null);
        }

        boolean isRunning() {
            return outcome.equals(RUNNING);
        }

        Stream<Object> values() {
            return Stream.of(
                    outcome,
                    endedAt,
                    durationMillis,
                    errorType,
                    errorMessage,
                    httpStatus,
                    classification,
                    circuitState);
        }
    }

    record Attempt(
            UUID taskId,
            int attempt,
            String workerId,
            OffsetDateTime startedAt,
            OffsetDateTime deadline,
            Ending ending) {

        Attempt running() {
            return new Attempt(taskId, attempt, workerId, startedAt, deadline, Ending.RUNNING_STILL);
        }

        Attempt ended(Ending by) {
            return new Attempt(taskId, attempt, workerId, startedAt, deadline, by);
        }

        Object[] values() {
            return Stream.concat(Stream.of(taskId, attempt, workerId, startedAt, deadline), ending.values())
                    .toArray();
        }

        Object[] endingArguments() {
            return endingOf(taskId, attempt, ending);
        }
    }

    private record Key(UUID taskId, int attempt) {}

    /** A statement for attempts of earlier batches, with its arguments as the whole batch decides them. */
    private record Update(String sql, Supplier<Object[]> arguments) {}

    private final JdbcTemplate jdbc;
    private final NewAttempts newAttempts;
    private final Map<Key, Attempt> started = new LinkedHashMap<>();

    /** Changes to attempts of earlier batches, in the order of their events. */
    private final List<Update> earlier = new ArrayList<>();

    AttemptWrites(JdbcTemplate jdbc, NewAttempts newAttempts) {
        this.jdbc = jdbc;
        this.newAttempts = newAttempts;
    }

    void start(Attempt attempt) {
        started.putIfAbsent(new Key(attempt.taskId(), attempt.attempt()), attempt);
    }

    void end(UUID taskId, int attempt, Ending ending) {
        Key key = new Key(taskId, attempt);
        Attempt ofThisBatch = started.get(key);
        if (ofThisBatch == null) {
            Object[] arguments = endingOf(taskId, attempt, ending);
            earlier.add(new Update(END_RUNNING, () -> arguments));
        } else if (ofThisBatch.ending().isRunning()) {
            started.put(key, ofThisBatch.ended(ending));
        }
    }

    /** A cancel stops the task's running attempt, if any: it ends cancelled. */
    void cancel(UUID taskId, OffsetDateTime at) {
        earlier.add(new Update(CANCEL_RUNNING, () -> new Object[] {at, taskId, firstStartedHere(taskId)}));
        started.replaceAll((key, attempt) ->
                key.taskId().equals(taskId) && attempt.ending().isRunning()
                        ? attempt.ended(Ending.cancelled(at))
                        : attempt);
    }

    /** The earlier batches' attempts first, then the batch's own. */
    @Override
    public void write() {
        int from = 0;
        while (from < earlier.size()) {
            String sql = earlier.get(from).sql();
            int to = from;
            while (to < earlier.size() && earlier.get(to).sql().equals(sql)) {
                to++;
            }
            jdbc.batchUpdate(
                    sql,
                    earlier.subList(from, to).stream()
                            .map(update -> update.arguments().get())
                            .toList());
            from = to;
        }
        if (!started.isEmpty()) {
            newAttempts.store(List.copyOf(started.values()));
        }
    }

    /** The task's first attempt this batch starts: the updates leave it and later ones alone. */
    private int firstStartedHere(UUID taskId) {
        return started.keySet().stream()
                .filter(key -> key.taskId().equals(taskId))
                .mapToInt(Key::attempt)
                .min()
                .orElse(Integer.MAX_VALUE);
    }

    private static Object[] endingOf(UUID taskId, int attempt, Ending ending) {
        return Stream.concat(ending.values(), Stream.of(taskId, attempt)).toArray();
    }
}
