package io.taskforge.task.storage;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows of one insert statement that a batch of events adds, sent as one JDBC batch at commit. */
public final class BatchInserts implements BatchScope.State {

    private final JdbcTemplate jdbc;
    private final String sql;
    private final List<Object[]> rows = new ArrayList<>();

    public BatchInserts(JdbcTemplate jdbc, String sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    public void add(Object... values) {
        rows.add(values);
    }

    @Override
    public void write() {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }
}
