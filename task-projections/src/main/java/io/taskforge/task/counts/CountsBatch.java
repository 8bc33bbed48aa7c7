package io.taskforge.task.counts;

import io.taskforge.task.TaskStatus;
import io.taskforge.task.storage.BatchScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * What one batch of events does to the counts: the states of its tasks, read in one query and
 * changed in memory, and the net change of each counter, written in three JDBC batches at commit.
 */
final class CountsBatch implements BatchScope.Reading {

    private final NamedParameterJdbcTemplate jdbc;
    private final Map<UUID, CountState> states = new HashMap<>();
    private final Set<UUID> created = new LinkedHashSet<>();
    private final Set<UUID> changed = new LinkedHashSet<>();
    /** Sorted, so that every writer updates the shared counter rows in the same order. */
    private final Map<String, Long> deltas = new TreeMap<>();

    CountsBatch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The task's state, or null when the counts do not know the task. */
    CountState state(UUID taskId) {
        return states.get(taskId);
    }

    void create(UUID taskId) {
        states.put(taskId, new CountState(TaskStatus.PENDING.name(), false, false));
        created.add(taskId);
    }

    void update(UUID taskId, CountState state) {
        states.put(taskId, state);
        changed.add(taskId);
    }

    void add(String counter, long delta) {
        deltas.merge(counter, delta, Long::sum);
    }

    @Override
    public void write() {
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        List<MapSqlParameterSource> updates = new ArrayList<>();
        for (UUID taskId : created) {
            inserts.add(row(taskId));
        }
        for (UUID taskId : changed) {
            if (!created.contains(taskId)) {
                updates.add(row(taskId));
            }
        }
        batch(
                "INSERT INTO task_count_state (task_id, status, in_dlq, archived)"
                        + " VALUES (:taskId, :status, :inDlq, :archived)",
                inserts);
        batch(
                "UPDATE task_count_state SET status = :status, in_dlq = :inDlq, archived = :archived"
                        + " WHERE task_id = :taskId",
                updates);
        List<MapSqlParameterSource> counters = new ArrayList<>();
        deltas.forEach((counter, delta) -> {
            if (delta != 0) {
                counters.add(new MapSqlParameterSource("counter", counter).addValue("delta", delta));
            }
        });
        batch("UPDATE task_count SET tasks = tasks + :delta WHERE counter = :counter", counters);
    }

    @Override
    public void load(Set<UUID> taskIds) {
        jdbc.query(
                "SELECT task_id, status, in_dlq, archived FROM task_count_state WHERE task_id IN (:ids)",
                new MapSqlParameterSource("ids", taskIds),
                row -> {
                    states.put(
                            row.getObject("task_id", UUID.class),
                            new CountState(
                                    row.getString("status"), row.getBoolean("in_dlq"), row.getBoolean("archived")));
                });
    }

    private MapSqlParameterSource row(UUID taskId) {
        CountState state = states.get(taskId);
        return new MapSqlParameterSource("taskId", taskId)
                .addValue("status", state.status())
                .addValue("inDlq", state.inDlq())
                .addValue("archived", state.archived());
    }

    private void batch(String sql, List<MapSqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows.toArray(MapSqlParameterSource[]::new));
        }
    }

    /** Where one task stands in the counts. */
    record CountState(String status, boolean inDlq, boolean archived) {

        CountState withStatus(String next) {
            return new CountState(next, inDlq, archived);
        }

        CountState withInDlq(boolean value) {
            return new CountState(status, value, archived);
        }

        CountState asArchived() {
            return new CountState(status, inDlq, true);
        }
    }
}
