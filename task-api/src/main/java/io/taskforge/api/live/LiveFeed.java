package io.taskforge.api.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.taskforge.engine.live.EventFeed;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.springframework.stereotype.Component;

/**
 * Starts and keeps this node's live subscriptions. Each follows the shared event store through the
 * node's event store, whose streams at the head share one reader of the database: with nobody
 * connected live updates cost nothing, and every node sees the events every node stores.
 */
@Component
class LiveFeed {

    private final EventFeed events;
    private final LiveEvents messages;
    private final LiveProperties properties;
    private final Set<LiveSubscription> subscriptions = ConcurrentHashMap.newKeySet();

    LiveFeed(EventFeed events, LiveEvents messages, LiveProperties properties, MeterRegistry meters) {
        this.events = events;
        this.messages = messages;
        this.properties = properties;
        Gauge.builder("taskforge.live.connections", subscriptions, Set::size)
                .description("Live connections (WebSocket and SSE) open on this node")
                .register(meters);
        Gauge.builder("taskforge.live.buffered", subscriptions, LiveFeed::buffered)
                .description(
                        "Messages waiting for live clients on this node, at most TASKFORGE_LIVE_BUFFER_MESSAGES each")
                .register(meters);
    }

    /**
     * Follows the topic for the sink, after the cursor when the client gives one: everything after
     * it, in order, then live. A cursor too far behind starts with a {@code resync} at the newest event.
     */
    LiveSubscription subscribe(LiveTopic topic, Optional<GapAwareTrackingToken> after, LiveSink sink) {
        GapAwareTrackingToken head = events.head();
        boolean tooOld = after.isPresent() && head.getIndex() - after.get().getIndex() > properties.maxReplayEvents();
        GapAwareTrackingToken from = after.filter(cursor -> !tooOld).orElse(head);
        LiveSubscription subscription =
                new LiveSubscription(topic, sink, events, messages, properties, subscriptions::remove);
        subscriptions.add(subscription);
        subscription.start(from, tooOld);
        return subscription;
    }

    private static double buffered(Set<LiveSubscription> subscriptions) {
        return subscriptions.stream().mapToInt(LiveSubscription::buffered).sum();
    }

    @PreDestroy
    void endAll() {
        List.copyOf(subscriptions).forEach(LiveSubscription::end);
    }
}
