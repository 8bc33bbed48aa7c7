package io.taskforge.engine.persistence;

import io.taskforge.task.TaskId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes that need to be on disk only when the surrounding transaction commits. They are held
 * until just before the commit and sent as JDBC batches, one per statement as far as the order of
 * each task's writes allows, so a transaction that stores many events (a batch submission, a
 * group of commands) pays a few round trips instead of one per row. A failing write still fails
 * the commit. Outside a transaction a write runs at once.
 *
 * <p>Each write names the task whose rows it changes. Writes about one task keep their order;
 * writes about different tasks touch different rows, so one statement's writes can be sent
 * together even when others came between them.
 */
@Component
public class DeferredWrites {

    /** The parameter a statement about many tasks names them by. */
    public static final String TASKS = "tasks";

    /** Tasks named in one statement at most, well below the drivers' limits on parameters. */
    private static final int MAX_TASKS_PER_STATEMENT = 1_000;

    private final NamedParameterJdbcTemplate jdbc;

    DeferredWrites(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param task the task whose rows the write changes, and no other's
     */
    public void add(TaskId task, String sql, SqlParameterSource parameters) {
        Objects.requireNonNull(task, "task");
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            jdbc.update(sql, parameters);
            return;
        }
        pending().add(new Write(task, sql, parameters));
    }

    /**
     * Adds the task to a statement about many tasks, which names them as the list {@code :tasks}:
     * the transaction's writes of that statement become one, for all their tasks.
     */
    public void addToEach(TaskId task, String sql) {
        Objects.requireNonNull(task, "task");
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            jdbc.update(sql, Map.of(TASKS, List.of(task.value())));
            return;
        }
        pending().add(new Write(task, sql, null));
    }

    private List<Write> pending() {
        @SuppressWarnings("unchecked")
        List<Write> writes = (List<Write>) TransactionSynchronizationManager.getResource(this);
        if (writes != null) {
            return writes;
        }
        List<Write> fresh = new ArrayList<>();
        TransactionSynchronizationManager.bindResource(this, fresh);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                send(fresh);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(DeferredWrites.this);
            }
        });
        return fresh;
    }

    /**
     * Sends the writes one batch per statement, in the order the statements first came. A write
     * whose task had a write of another statement in the open batches first sends those, so that
     * its own follows them.
     */
    private void send(List<Write> writes) {
        Map<String, List<Write>> batches = new LinkedHashMap<>();
        Map<TaskId, String> lastStatementOfTask = new HashMap<>();
        for (Write write : writes) {
            String last = lastStatementOfTask.put(write.task(), write.sql());
            if (last != null && !last.equals(write.sql())) {
                sendAll(batches);
                lastStatementOfTask.clear();
                lastStatementOfTask.put(write.task(), write.sql());
            }
            batches.computeIfAbsent(write.sql(), sql -> new ArrayList<>()).add(write);
        }
        sendAll(batches);
        writes.clear();
    }

    private void sendAll(Map<String, List<Write>> batches) {
        batches.forEach((sql, batch) -> {
            if (batch.getFirst().parameters() == null) {
                sendForEach(
                        sql, batch.stream().map(write -> write.task().value()).toList());
            } else {
                jdbc.batchUpdate(sql, batch.stream().map(Write::parameters).toArray(SqlParameterSource[]::new));
            }
        });
        batches.clear();
    }

    private void sendForEach(String sql, List<UUID> tasks) {
        for (int from = 0; from < tasks.size(); from += MAX_TASKS_PER_STATEMENT) {
            List<UUID> some = tasks.subList(from, Math.min(tasks.size(), from + MAX_TASKS_PER_STATEMENT));
            jdbc.update(sql, Map.of(TASKS, some));
        }
    }

    /** A write of a statement about many tasks has no parameters of its own. */
    private record Write(TaskId task, String sql, SqlParameterSource parameters) {}
}
