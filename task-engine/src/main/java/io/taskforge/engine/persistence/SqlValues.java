package io.taskforge.engine.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * How the engine's tables store instants and JSON objects: {@code TIMESTAMP WITH TIME ZONE} in
 * UTC, the one form both PostgreSQL's and H2's drivers bind and read back exactly, and JSON
 * objects as text.
 */
public final class SqlValues {

    /** The type a JSON object column reads back as. */
    public static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private SqlValues() {}

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
