package io.taskforge.engine.numbering;

import io.taskforge.engine.persistence.DatabaseVendor;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands out task numbers from the database sequence {@code task_number_seq}, outside any
 * transaction, so every node draws from the same ascending series: one round trip for a task, and
 * one for a whole batch.
 */
@Component
public class TaskNumbers {

    private final JdbcTemplate jdbc;
    private final String drawMany;
    private final String lastDrawn;

    TaskNumbers(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        boolean postgresql = DatabaseVendor.of(dataSource) == DatabaseVendor.POSTGRESQL;
        this.drawMany = "SELECT nextval('task_number_seq') FROM "
                + (postgresql ? "generate_series(1, ?)" : "SYSTEM_RANGE(1, ?)");
        this.lastDrawn = postgresql
                ? "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM task_number_seq"
                : "SELECT BASE_VALUE - 1 FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME = 'TASK_NUMBER_SEQ'";
    }

    /** The number of the next task to be created. */
    public long next() {
        return jdbc.queryForObject("SELECT nextval('task_number_seq')", Long.class);
    }

    /** The numbers of the next {@code count} tasks to be created, ascending. */
    public List<Long> next(int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.queryForList(drawMany, Long.class, count).stream().sorted().toList();
    }

    /** Whether this number has been handed out, on any node: a task has it, or is being created with it. */
    public boolean drawn(long number) {
        return number >= 1 && number <= jdbc.queryForObject(lastDrawn, Long.class);
    }
}
