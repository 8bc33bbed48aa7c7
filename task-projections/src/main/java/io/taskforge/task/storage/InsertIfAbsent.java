package io.taskforge.task.storage;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * An insert that leaves a row alone when its key is already stored, so that a read model applying
 * an event a second time writes nothing new.
 *
 * <p>On PostgreSQL it is {@code INSERT ... VALUES ... ON CONFLICT DO NOTHING}, which the driver
 * rewrites into one multi-row statement per JDBC batch ({@code reWriteBatchedInserts}); H2 has no
 * {@code ON CONFLICT} outside its PostgreSQL mode, so there each row is an
 * {@code INSERT ... SELECT ... WHERE NOT EXISTS} of its own.
 */
public final class InsertIfAbsent {

    private final String sql;
    private final int[] keyIndexes;

    private InsertIfAbsent(String sql, int[] keyIndexes) {
        this.sql = sql;
        this.keyIndexes = keyIndexes;
    }

    /**
     * @param columns every column the insert sets, in the order of a row's values
     * @param key the columns of the table's primary key or unique index that a repeated row repeats
     */
    public static InsertIfAbsent into(DataSource database, String table, List<String> columns, List<String> key) {
        String into = "INSERT INTO " + table + " (" + String.join(", ", columns) + ")";
        String values = columns.stream().map(column -> "?").collect(Collectors.joining(", "));
        if (ReadModelDatabase.isPostgresql(database)) {
            return new InsertIfAbsent(
                    into + " VALUES (" + values + ") ON CONFLICT (" + String.join(", ", key) + ") DO NOTHING",
                    new int[0]);
        }
        String sameKey = key.stream().map(column -> column + " = ?").collect(Collectors.joining(" AND "));
        return new InsertIfAbsent(
                into + " SELECT " + values + " WHERE NOT EXISTS (SELECT 1 FROM " + table + " WHERE " + sameKey + ")",
                key.stream().mapToInt(columns::indexOf).toArray());
    }

    String sql() {
        return sql;
    }

    /** The statement's parameters for a row: its values, then its key again where the statement asks for it. */
    Object[] parameters(Object[] row) {
        Object[] parameters = new Object[row.length + keyIndexes.length];
        System.arraycopy(row, 0, parameters, 0, row.length);
        IntStream.range(0, keyIndexes.length).forEach(i -> parameters[row.length + i] = row[keyIndexes[i]]);
        return parameters;
    }
}
