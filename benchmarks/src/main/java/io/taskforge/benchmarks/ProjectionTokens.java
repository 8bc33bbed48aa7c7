package io.taskforge.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each Axon tracking processor stands, from {@code token_entry}: its token is JSON such as
 * {@code {"index":25,"gaps":[]}} (a GapAwareTrackingToken), the global index it has handled up to.
 */
final class ProjectionTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;

    ProjectionTokens(Connection connection) {
        this.connection = connection;
    }

    /** Each processor's position: the lowest over its segments, 0 for a segment without a token yet. */
    Map<String, Long> positions() throws SQLException {
        Map<String, Long> positions = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT processor_name, token FROM token_entry");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                positions.merge(rows.getString(1), indexOf(rows.getBytes(2)), Math::min);
            }
        }
        return positions;
    }

    /** Whether every processor has handled every event up to {@code head}. */
    boolean allAt(long head) throws SQLException {
        Map<String, Long> positions = positions();
        return !positions.isEmpty() && positions.values().stream().allMatch(position -> position >= head);
    }

    private static long indexOf(byte[] token) {
        if (token == null) {
            return 0;
        }
        try {
            JsonNode json = JSON.readTree(token);
            // a replay wraps the token it is replaying towards
            JsonNode index = json.has("index")
                    ? json.get("index")
                    : json.path("currentToken").path("index");
            return index.asLong(0);
        } catch (IOException unreadable) {
            return 0;
        }
    }
}
