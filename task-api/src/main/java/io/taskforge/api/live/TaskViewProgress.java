package io.taskforge.api.live;

import io.taskforge.task.processing.ProcessingGroups;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the task view has got, over every node: the task view's processor keeps its position per
 * segment in the shared token table, whichever node runs the segment. A live message carries the task
 * as the view shows it, so it waits until the view has applied the message's event.
 */
@Component
class TaskViewProgress {

    private static final Duration POLL = Duration.ofMillis(20);

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final LiveProperties properties;

    TaskViewProgress(JdbcTemplate jdbc, Serializer serializer, LiveProperties properties) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.properties = properties;
    }

    /**
     * Waits until the task view has applied every one of these events, or {@link
     * LiveProperties#viewWait()} has passed: a view that is stopped must not stop live updates.
     */
    void awaitApplied(Collection<? extends TrackedEventMessage<?>> events) throws InterruptedException {
        long deadline = System.nanoTime() + properties.viewWait().toNanos();
        while (!applied(events) && System.nanoTime() < deadline) {
            Thread.sleep(POLL);
        }
    }

    private boolean applied(Collection<? extends TrackedEventMessage<?>> events) {
        List<Position> positions = positions();
        if (positions.isEmpty()) {
            return false;
        }
        Segment[] segments = Segment.computeSegments(
                positions.stream().mapToInt(Position::segment).toArray());
        for (TrackedEventMessage<?> event : events) {
            Object sequence = LiveEvents.taskIdOf(event);
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

    private List<Position> positions() {
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
                ProcessingGroups.TASK_VIEW);
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
