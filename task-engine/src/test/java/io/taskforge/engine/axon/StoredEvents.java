package io.taskforge.engine.axon;

import java.time.Instant;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

/** Events as the event store holds them, and what an upcaster makes of one. */
final class StoredEvents {

    private StoredEvents() {}

    /** A stored event of the task's stream with the given payload type, revision and JSON payload. */
    static GenericDomainEventEntry<String> stored(
            String taskId, String payloadType, String revision, String payload, Instant at) {
        return new GenericDomainEventEntry<>("Task", taskId, 7, "event-7", at, payloadType, revision, payload, "{}");
    }

    static IntermediateEventRepresentation upcast(
            EventUpcaster upcaster, GenericDomainEventEntry<String> entry, Serializer serializer) {
        return upcaster.upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .findFirst()
                .orElseThrow();
    }
}
