package io.taskforge.task.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskforge.support.TestDatabase;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A batch of rows stored once on both databases the engine runs on: rows whose key is stored
 * already are skipped, the stored ones keep their values, and new rows beside them are stored. On
 * PostgreSQL through the driver's rewrite into multi-row inserts, as the engine connects.
 */
class InsertIfAbsentIT {

    static List<DataSource> databases() {
        return TestDatabase.postgresqlAndH2();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void storesEachKeyOnceAndKeepsTheRowStoredFirst(DataSource database) {
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.execute("CREATE TABLE probe_entry (task_id uuid NOT NULL, sequence bigint NOT NULL,"
                + " note varchar(32) NOT NULL, PRIMARY KEY (task_id, sequence))");
        InsertIfAbsent insert = InsertIfAbsent.into(
                database, "probe_entry", List.of("task_id", "sequence", "note"), List.of("task_id", "sequence"));
        UUID task = UUID.randomUUID();

        BatchInserts first = new BatchInserts(jdbc, insert);
        for (long sequence = 0; sequence < 5; sequence++) {
            first.add(task, sequence, "first " + sequence);
        }
        first.write();
        BatchInserts again = new BatchInserts(jdbc, insert);
        for (long sequence = 3; sequence < 8; sequence++) {
            again.add(task, sequence, "again " + sequence);
        }
        again.write();

        assertThat(jdbc.query(
                        "SELECT sequence, note FROM probe_entry WHERE task_id = ? ORDER BY sequence",
                        (row, n) -> row.getLong("sequence") + ": " + row.getString("note"),
                        task))
                .containsExactly(
                        "0: first 0",
                        "1: first 1",
                        "2: first 2",
                        "3: first 3",
                        "4: first 4",
                        "5: again 5",
                        "6: again 6",
                        "7: again 7");
    }
}
