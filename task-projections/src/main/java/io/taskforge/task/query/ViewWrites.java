package io.taskforge.task.query;

import static io.taskforge.task.storage.UtcTimestamps.utc;

import io.taskforge.task.storage.BatchInserts;
import io.taskforge.task.storage.BatchScope;
import io.taskforge.task.storage.InsertIfAbsent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The task view's rows one batch of events creates or changes, written when the batch commits and
 * never read first: the new rows in one JDBC batch (multi-row inserts on PostgreSQL), the changes
 * in one JDBC batch for each set of columns they set.
 */
final class ViewWrites implements BatchScope.State {

    private final JdbcTemplate jdbc;
    private final JsonMapConverter json;
    private final Function<List<String>, InsertIfAbsent> newRows;
    private final Map<UUID, ViewRowChange> created = new LinkedHashMap<>();
    private final Map<UUID, ViewRowChange> changed = new LinkedHashMap<>();

    /**
     * @param newRows the insert of new rows that set these columns
     */
    ViewWrites(JdbcTemplate jdbc, JsonMapConverter json, Function<List<String>, InsertIfAbsent> newRows) {
        this.jdbc = jdbc;
        this.json = json;
        this.newRows = newRows;
    }

    void create(UUID taskId, ViewRowChange row) {
        created.putIfAbsent(taskId, row);
    }

    /** The task's row as this batch changes it: the new row when the batch created it. */
    ViewRowChange change(UUID taskId) {
        ViewRowChange row = created.get(taskId);
        return row != null ? row : changed.computeIfAbsent(taskId, id -> new ViewRowChange());
    }

    @Override
    public void write() {
        insert();
        Map<String, List<Object[]>> updates = new LinkedHashMap<>();
        changed.forEach((taskId, change) -> {
            if (!change.values().isEmpty() || !change.unlessSet().isEmpty()) {
                updates.computeIfAbsent(updateSql(change), sql -> new ArrayList<>())
                        .add(arguments(taskId, change));
            }
        });
        updates.forEach(jdbc::batchUpdate);
    }

    /** Inserts the new rows; one a replay of its creation finds already there is left as it is. */
    private void insert() {
        if (created.isEmpty()) {
            return;
        }
        List<String> columns =
                List.copyOf(created.values().iterator().next().values().keySet());
        BatchInserts rows = new BatchInserts(jdbc, newRows.apply(columns));
        // a new row has every column set outright
        created.values()
                .forEach(row -> rows.add(
                        row.values().values().stream().map(this::jdbcValue).toArray()));
        rows.write();
    }

    private static String updateSql(ViewRowChange change) {
        List<String> assignments = new ArrayList<>();
        change.values().keySet().forEach(column -> assignments.add(column + " = ?"));
        change.unlessSet().keySet().forEach(column -> assignments.add(column + " = COALESCE(" + column + ", ?)"));
        return "UPDATE task_view SET " + String.join(", ", assignments) + " WHERE task_id = ?";
    }

    /** The values the change sets, then those it sets unless set, then the task: as its statement asks for them. */
    private Object[] arguments(UUID taskId, ViewRowChange change) {
        List<Object> arguments = new ArrayList<>();
        change.values().values().forEach(value -> arguments.add(jdbcValue(value)));
        change.unlessSet().values().forEach(value -> arguments.add(jdbcValue(value)));
        arguments.add(taskId);
        return arguments.toArray();
    }

    @SuppressWarnings("unchecked")
    private Object jdbcValue(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> utc(instant);
            case Enum<?> constant -> constant.name();
            case Map<?, ?> map -> json.convertToDatabaseColumn((Map<String, Object>) map);
            default -> value;
        };
    }
}
