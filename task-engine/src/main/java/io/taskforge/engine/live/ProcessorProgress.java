package io.taskforge.engine.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far a read model's tracking processor has got over every node: it keeps its position per segment
 * in the shared token table, whichever node runs the segment. Live messages carry a read model's state,
 * so they wait until it has applied their events.
 */
@Component
public class ProcessorProgress {

    private static final Duration POLL = Duration.ofMillis(20);

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    ProcessorProgress(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * Waits until the processing group has applied every one of these events, for as long as it keeps
     * moving: it gives up only once the processor's positions have not moved for the time given, so that
     * a processor that is stopped does not stop its followers, while one that lags under load is
     * waited for. Whether it has applied them.
     */
    public boolean awaitApplied(
            String processingGroup, Collection<? extends TrackedEventMessage<?>> events, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        List<Position> seen = List.of();
        while (true) {
            List<Position> positions = positions(processingGroup);
            if (applied(positions, events)) {
                return true;
            }
            if (!positions.equals(seen)) {
                seen = positions;
                deadline = System.nanoTime() + patience.toNanos();
            } else if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(POLL);
        }
    }

    private static boolean applied(List<Position> positions, Collection<? extends TrackedEventMessage<?>> events) {
        if (positions.isEmpty()) {
            return false;
        }
        Segment[] segments = Segment.computeSegments(
                positions.stream().mapToInt(Position::segment).toArray());
        for (TrackedEventMessage<?> event : events) {
            Object sequence = sequenceOf(event);
            boolean covered = false;
            for (Position position : positions) {
                if (segmentOf(segments, position.segment()).matches(sequence)) {
                    covered = position.token() != null
                            && WrappedToken.unwrapLowerBound(position.token()).covers(event.trackingToken());
                }
            }
            if (!covered) {
                return false;
            }
        }
        return true;
    }

    /** Which segment handles an event: Axon's default sequencing, by aggregate, else by message. */
    private static Object sequenceOf(TrackedEventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }

    private List<Position> positions(String processingGroup) {
        List<Position> positions = new ArrayList<>();
        jdbc.query(
                "SELECT segment, token, token_type FROM token_entry WHERE processor_name = ?",
                row -> {
                    byte[] token = row.getBytes("token");
                    positions.add(new Position(
                            row.getInt("segment"),
                            token == null
                                    ? null
                                    : serializer.deserialize(new SimpleSerializedObject<>(
                                            token, byte[].class, row.getString("token_type"), null))));
                },
                processingGroup);
        return positions;
    }

    private static Segment segmentOf(Segment[] segments, int id) {
        for (Segment segment : segments) {
            if (segment.getSegmentId() == id) {
                return segment;
            }
        }
        throw new IllegalStateException("no segment " + id);
    }

    private record Position(int segment, TrackingToken token) {}
}
