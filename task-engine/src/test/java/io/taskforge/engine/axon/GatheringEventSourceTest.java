package io.taskforge.engine.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GatheringEventSourceTest {

    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();

    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        later.shutdownNow();
        events.shutDown();
    }

    @Test
    void reportsAnEventOnceTheEventsThatFollowItWithinTheGatheringTimeAreThereToo() throws InterruptedException {
        var source = new GatheringEventSource(events, Duration.ofSeconds(2), 100);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            events.publish(GenericEventMessage.asEventMessage("first"));
            later.schedule(
                    () -> events.publish(GenericEventMessage.asEventMessage("second")), 50, TimeUnit.MILLISECONDS);

            assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.peek().orElseThrow().getPayload()).isEqualTo("first");
            assertThat(takeAvailable(stream)).containsExactly("first", "second");
        }
    }

    @Test
    void reportsAFullBatchAtOnce() throws InterruptedException {
        var source = new GatheringEventSource(events, Duration.ofSeconds(30), 2);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            events.publish(
                    GenericEventMessage.asEventMessage("first"),
                    GenericEventMessage.asEventMessage("second"),
                    GenericEventMessage.asEventMessage("third"));
            long start = System.nanoTime();

            assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(takeAvailable(stream)).containsExactly("first", "second", "third");
        }
    }

    @Test
    void waitsNoLongerThanAskedWhenNoEventComes() throws InterruptedException {
        var source = new GatheringEventSource(events, Duration.ofSeconds(30), 100);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            assertThat(stream.hasNextAvailable(20, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(stream.peek()).isEmpty();
        }
    }

    private static List<Object> takeAvailable(BlockingStream<TrackedEventMessage<?>> stream)
            throws InterruptedException {
        List<Object> payloads = new ArrayList<>();
        while (stream.hasNextAvailable()) {
            payloads.add(stream.nextAvailable().getPayload());
        }
        return payloads;
    }
}
