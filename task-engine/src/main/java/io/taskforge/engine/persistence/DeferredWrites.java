package io.taskforge.engine.persistence;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes that need to be on disk only when the surrounding transaction commits. They are held
 * until just before the commit and sent in order, runs of the same statement as one JDBC batch, so
 * a transaction that stores many events (a batch submission) pays a few round trips instead of one
 * per row. A failing write still fails the commit. Outside a transaction a write runs at once.
 */
@Component
public class DeferredWrites {

    private final NamedParameterJdbcTemplate jdbc;

    DeferredWrites(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String sql, SqlParameterSource parameters) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            jdbc.update(sql, parameters);
            return;
        }
        pending().add(new Write(sql, parameters));
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

    private void send(List<Write> writes) {
        int start = 0;
        while (start < writes.size()) {
            String sql = writes.get(start).sql();
            int end = start;
            while (end < writes.size() && writes.get(end).sql().equals(sql)) {
                end++;
            }
            SqlParameterSource[] batch =
                    writes.subList(start, end).stream().map(Write::parameters).toArray(SqlParameterSource[]::new);
            jdbc.batchUpdate(sql, batch);
            start = end;
        }
        writes.clear();
    }

    private record Write(String sql, SqlParameterSource parameters) {}
}
