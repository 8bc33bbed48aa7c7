package io.taskforge.engine.live;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Follows the shared event store from a position, seeing the events every node stores. Streams go
 * through this node's event store, whose streams at the head share one reader of the database, so a
 * follower costs a database query only while it catches up.
 */
@Component
public class EventFeed {

    /** How far below the newest index a transaction may still be writing; Axon's own gap window. */
    static final long GAP_WINDOW = 10_000;

    private final EventStore events;
    private final JdbcTemplate jdbc;

    EventFeed(EventStore events, JdbcTemplate jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    /** Every event after the position, in the order the store makes them visible, blocking for new ones. */
    public BlockingStream<TrackedEventMessage<?>> follow(TrackingToken after) {
        return events.openStream(after);
    }

    /**
     * The position of the newest event, with every index below it that is not stored yet as a gap, so
     * that an event still being committed is followed once it is. Axon's own head position assumes there
     * are no gaps, and would skip such an event for good.
     */
    public GapAwareTrackingToken head() {
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
