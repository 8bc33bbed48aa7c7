package io.taskforge.engine.recovery;

import io.taskforge.task.recovery.FallbackChainEvent;
import io.taskforge.task.recovery.FallbackChainId;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** A chain's configuration history: its events, read from the event store, oldest first. */
@Component
public class FallbackChainHistory {

    private final EventStore events;

    FallbackChainHistory(EventStore events) {
        this.events = events;
    }

    public List<FallbackChainEvent> of(FallbackChainId chainId) {
        return events.readEvents(chainId.toString(), 0)
                .asStream()
                .map(message -> message.getPayload())
                .filter(FallbackChainEvent.class::isInstance)
                .map(FallbackChainEvent.class::cast)
                .toList();
    }
}
