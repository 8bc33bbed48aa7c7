package io.taskforge.engine.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as a read model's tracking processor reads it, with each batch gathered for a
 * moment. A processor that has caught up takes whatever few events have arrived, and pays a
 * transaction, a token update and a commit for each such batch; under load that was three or four
 * statements for every sixteen events in each of seven processors. Here, once an event is there,
 * the stream waits up to {@code gather} for a batch's worth before it reports it, so the read
 * model trails its events by that much at most and writes them in fuller batches (decision 0018).
 * A backlog is read at once, since its events are all there.
 */
final class GatheringEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final Duration gather;
    private final int batchSize;

    GatheringEventSource(StreamableMessageSource<TrackedEventMessage<?>> events, Duration gather, int batchSize) {
        this.events = events;
        this.gather = gather;
        this.batchSize = batchSize;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new GatheringStream(events.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return events.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return events.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return events.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return events.createTokenSince(duration);
    }

    /** Hands out the events it gathered, in their order, before any that came after. */
    private final class GatheringStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private final Deque<TrackedEventMessage<?>> gathered = new ArrayDeque<>();

        GatheringStream(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (!gathered.isEmpty()) {
                return true;
            }
            if (!stream.hasNextAvailable(timeout, unit)) {
                return false;
            }
            long until = System.nanoTime() + gather.toNanos();
            gathered.add(stream.nextAvailable());
            while (gathered.size() < batchSize) {
                long left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime());
                if (left <= 0 || !stream.hasNextAvailable((int) left, TimeUnit.MILLISECONDS)) {
                    break;
                }
                gathered.add(stream.nextAvailable());
            }
            return true;
        }

        @Override
        public boolean hasNextAvailable() {
            return !gathered.isEmpty() || stream.hasNextAvailable();
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return gathered.isEmpty() ? stream.peek() : Optional.of(gathered.peekFirst());
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return gathered.isEmpty() ? stream.nextAvailable() : gathered.pollFirst();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stream.setOnAvailableCallback(callback);
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
