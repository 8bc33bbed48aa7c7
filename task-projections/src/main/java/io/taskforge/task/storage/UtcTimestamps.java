package io.taskforge.task.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * How the read models store instants: {@code TIMESTAMP WITH TIME ZONE} in UTC, the one form both
 * PostgreSQL's and H2's drivers bind and read back exactly.
 */
public final class UtcTimestamps {

    private UtcTimestamps() {}

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
