package io.taskforge.benchmarks;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Axon's event store ({@code domain_event_entry}) directly: the engine's own record of when
 * each attempt started and each task completed. {@code time_stamp} is ISO text, set when the event
 * was created, just before its transaction commits.
 */
final class EventStore {

    private static final String CREATED = "%.TaskCreatedEvent";
    private static final String ATTEMPT_STARTED = "%.AttemptStartedEvent";
    private static final String COMPLETED = "%.TaskCompletedEvent";

    private final Connection connection;

    EventStore(Connection connection) {
        this.connection = connection;
    }

    /** The highest global index, 0 while the store is empty. */
    long head() throws SQLException {
        try (PreparedStatement query =
                        connection.prepareStatement("SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Tasks created by events after global index {@code after}, up to {@code upTo}. */
    List<String> tasksCreatedBetween(long after, long upTo) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT aggregate_identifier FROM domain_event_entry"
                + " WHERE global_index > ? AND global_index <= ? AND payload_type LIKE ?")) {
            query.setLong(1, after);
            query.setLong(2, upTo);
            query.setString(3, CREATED);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    /** How often each task's attempt started and the task completed, and when first and last. */
    TaskOutcomes outcomes(Collection<String> taskIds) throws SQLException {
        String sql = "SELECT aggregate_identifier,"
                + " count(*) FILTER (WHERE payload_type LIKE ?),"
                + " count(*) FILTER (WHERE payload_type LIKE ?),"
                + " min(time_stamp::timestamptz) FILTER (WHERE payload_type LIKE ?),"
                + " max(time_stamp::timestamptz) FILTER (WHERE payload_type LIKE ?)"
                + " FROM domain_event_entry WHERE aggregate_identifier = ANY (?) GROUP BY aggregate_identifier";
        Map<String, TaskOutcomes.Outcome> found = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, ATTEMPT_STARTED);
            query.setString(2, COMPLETED);
            query.setString(3, ATTEMPT_STARTED);
            query.setString(4, COMPLETED);
            Array ids = connection.createArrayOf("text", taskIds.toArray());
            query.setArray(5, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.put(
                            rows.getString(1),
                            new TaskOutcomes.Outcome(
                                    rows.getInt(2),
                                    rows.getInt(3),
                                    instant(rows.getObject(4, OffsetDateTime.class)),
                                    instant(rows.getObject(5, OffsetDateTime.class))));
                }
            } finally {
                ids.free();
            }
        }
        return new TaskOutcomes(List.copyOf(taskIds), found);
    }

    /** When the first event after global index {@code index} was created; null when there is none. */
    Instant timeOfFirstEventAfter(long index) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT time_stamp::timestamptz FROM"
                + " domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT 1")) {
            query.setLong(1, index);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? instant(rows.getObject(1, OffsetDateTime.class)) : null;
            }
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
