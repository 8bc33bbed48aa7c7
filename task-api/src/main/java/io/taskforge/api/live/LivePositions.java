package io.taskforge.api.live;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The position a new live connection starts from: the newest event stored, with every index below it
 * that is not stored yet as a gap, so that an event still being committed when the client connects is
 * delivered once it is. Axon's own head position assumes there are no gaps.
 */
@Component
class LivePositions {

    /** How far below the newest index a transaction may still be writing; Axon's own gap window. */
    static final long GAP_WINDOW = 10_000;

    private final JdbcTemplate jdbc;

    LivePositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    GapAwareTrackingToken head() {
        var bounds = jdbc.queryForMap(
                "SELECT MIN(global_index) AS lowest, MAX(global_index) AS highest FROM domain_event_entry");
        if (bounds.get("highest") == null) {
            return GapAwareTrackingToken.newInstance(-1, List.of());
        }
        long lowest = ((Number) bounds.get("lowest")).longValue();
        long highest = ((Number) bounds.get("highest")).longValue();
        long from = Math.max(lowest, highest - GAP_WINDOW);
        Set<Long> stored = new HashSet<>(jdbc.queryForList(
                "SELECT global_index FROM domain_event_entry WHERE global_index >= ? AND global_index <= ?",
                Long.class,
                from,
                highest));
        List<Long> gaps = new ArrayList<>();
        for (long index = from; index < highest; index++) {
            if (!stored.contains(index)) {
                gaps.add(index);
            }
        }
        return GapAwareTrackingToken.newInstance(highest, gaps);
    }
}
