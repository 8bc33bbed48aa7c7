package io.taskforge.task.storage;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows that a batch of events adds to one table, sent as one JDBC batch at commit. A row whose key
 * is already stored (an event delivered again) is skipped, as {@link InsertIfAbsent} says how.
 */
public final class BatchInserts implements BatchScope.State {

    private final JdbcTemplate jdbc;
    private final InsertIfAbsent insert;
    private final List<Object[]> rows = new ArrayList<>();

    public BatchInserts(JdbcTemplate jdbc, InsertIfAbsent insert) {
        this.jdbc = jdbc;
        this.insert = insert;
    }

    /** Adds a row: one value for each of the insert's columns, in their order. */
    public void add(Object... values) {
        rows.add(insert.parameters(values));
    }

    @Override
    public void write() {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(insert.sql(), rows);
        }
    }
}
