package io.taskforge.engine.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskforge.support.TestDatabase;
import io.taskforge.task.TaskId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes held for the commit land as they were asked for: one statement's writes travel together,
 * yet each task's writes keep their order across statements, on both databases the engine runs on.
 */
class DeferredWritesIT {

    private static final String INSERT = "INSERT INTO probe_row (task_id, note) VALUES (:task, :note)";
    private static final String UPDATE = "UPDATE probe_row SET note = :note WHERE task_id = :task";
    private static final String DELETE = "DELETE FROM probe_row WHERE task_id IN (:tasks)";

    static List<DataSource> databases() {
        return TestDatabase.postgresqlAndH2();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eachTaskSeesItsWritesInTheOrderTheyWereAskedFor(DataSource database) {
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(database);
        jdbc.getJdbcTemplate().execute("CREATE TABLE probe_row (task_id uuid PRIMARY KEY, note varchar(32) NOT NULL)");
        DeferredWrites writes = new DeferredWrites(jdbc);
        TaskId requeued = TaskId.random();
        TaskId updated = TaskId.random();
        TaskId removed = TaskId.random();
        TaskId removedToo = TaskId.random();

        new TransactionTemplate(new DataSourceTransactionManager(database)).executeWithoutResult(status -> {
            write(writes, requeued, INSERT, "first run");
            write(writes, updated, INSERT, "created");
            write(writes, removed, INSERT, "created");
            write(writes, removedToo, INSERT, "created");
            writes.addToEach(requeued, DELETE);
            write(writes, updated, UPDATE, "started");
            write(writes, requeued, INSERT, "second run");
            write(writes, removed, UPDATE, "started");
            write(writes, updated, UPDATE, "progressed");
            writes.addToEach(removed, DELETE);
            writes.addToEach(removedToo, DELETE);
            write(writes, requeued, UPDATE, "second run started");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM probe_row", Map.of(), Integer.class))
                    .as("nothing is written before the commit")
                    .isZero();
        });

        assertThat(jdbc.query(
                        "SELECT task_id, note FROM probe_row",
                        (row, n) -> Map.entry(row.getObject("task_id", UUID.class), row.getString("note"))))
                .containsExactlyInAnyOrder(
                        Map.entry(requeued.value(), "second run started"), Map.entry(updated.value(), "progressed"));
    }

    private static void write(DeferredWrites writes, TaskId task, String sql, String note) {
        writes.add(task, sql, new MapSqlParameterSource("task", task.value()).addValue("note", note));
    }
}
