package io.taskforge.task.workers;

import io.taskforge.task.storage.BatchScope;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * What the workers read model knows of one batch of events: which of the batch's workers are
 * registered, and which of its tasks' attempts a registered worker is running. Most attempts run
 * on the engine's own nodes, which never register: their events then cost no statement, where
 * each used to try an insert and an update that found no row.
 */
final class WorkerAttempts implements BatchScope.Reading {

    static final String RUNNING = "running";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate namedJdbc;
    private final Map<String, Boolean> registered = new HashMap<>();
    private final Set<Attempt> running = new HashSet<>();

    WorkerAttempts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.namedJdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public void load(Set<UUID> taskIds) {
        namedJdbc.query(
                "SELECT task_id, attempt FROM worker_attempt WHERE outcome = :running AND task_id IN (:taskIds)",
                new MapSqlParameterSource("running", RUNNING).addValue("taskIds", taskIds),
                row -> {
                    running.add(new Attempt(row.getObject("task_id", UUID.class), row.getInt("attempt")));
                });
    }

    /** Every statement runs as its event is handled, so there is nothing left to write. */
    @Override
    public void write() {}

    void registered(String workerId) {
        registered.put(workerId, true);
    }

    /** Keeps the attempt if a registered worker started it. */
    void started(UUID taskId, int attempt, String workerId) {
        if (!registered.computeIfAbsent(workerId, this::isRegistered)) {
            return;
        }
        jdbc.update(
                "INSERT INTO worker_attempt (task_id, attempt, worker_id, outcome) SELECT ?, ?, ?, ? WHERE NOT EXISTS"
                        + " (SELECT 1 FROM worker_attempt WHERE task_id = ? AND attempt = ?)",
                taskId,
                attempt,
                workerId,
                RUNNING,
                taskId,
                attempt);
        running.add(new Attempt(taskId, attempt));
    }

    /**
     * Records how a registered worker's attempt ended.
     *
     * @return whether this event ended it: false for an attempt that ran on a node, or that an
     *     earlier delivery of the event ended
     */
    boolean ended(UUID taskId, int attempt, String outcome) {
        return running.remove(new Attempt(taskId, attempt))
                && jdbc.update(
                                "UPDATE worker_attempt SET outcome = ? WHERE task_id = ? AND attempt = ? AND outcome = ?",
                                outcome,
                                taskId,
                                attempt,
                                RUNNING)
                        == 1;
    }

    void cancelled(UUID taskId) {
        if (running.removeIf(attempt -> attempt.taskId().equals(taskId))) {
            jdbc.update(
                    "UPDATE worker_attempt SET outcome = 'cancelled' WHERE task_id = ? AND outcome = ?",
                    taskId,
                    RUNNING);
        }
    }

    private boolean isRegistered(String workerId) {
        return !jdbc.queryForList("SELECT 1 FROM worker_view WHERE worker_id = ?", Integer.class, workerId)
                .isEmpty();
    }

    private record Attempt(UUID taskId, int attempt) {}
}
