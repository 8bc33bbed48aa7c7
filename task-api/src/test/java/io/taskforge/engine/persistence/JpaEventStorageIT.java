package io.taskforge.engine.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskforge.support.IntegrationTest;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The event storage's own statements: a token with gaps reads the events that filled its gaps and
 * then those after it, in the order of their global index, as Axon's own single query would; new
 * events are stored in their order and read back as written; a taken sequence number is a conflict.
 */
@TestPropertySource(properties = "taskforge.execution.enabled=false")
class JpaEventStorageIT extends IntegrationTest {

    @Autowired
    EventStorageEngine storage;

    @Autowired
    EntityManager entityManager;

    @Test
    void readsFilledGapsThenWhatFollowsTheToken() {
        for (int i = 0; i < 12; i++) {
            operator().post("/api/v1/tasks", Map.of("type", "noop"));
        }
        // read from the start, every event's token is its own global index
        Map<Long, String> stored = new LinkedHashMap<>();
        read(null).forEach(event -> stored.put(event.trackingToken().position().orElseThrow(), event.getIdentifier()));
        List<Long> indexes = List.copyOf(stored.keySet());
        assertThat(indexes).hasSizeGreaterThanOrEqualTo(12);
        long gap = indexes.get(3);
        long otherGap = indexes.get(6);
        long position = indexes.get(8);

        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(
                position, new TreeSet<>(List.of(indexes.getFirst() - 1, gap, otherGap)));

        assertThat(read(token).stream().map(TrackedEventMessage::getIdentifier))
                .containsExactlyElementsOf(indexes.stream()
                        .filter(index -> index == gap || index == otherGap || index > position)
                        .map(stored::get)
                        .toList());
    }

    @Test
    void appendsEventsInTheirOrderAndReadsAnAggregateBackAsWritten() {
        String aggregate = UUID.randomUUID().toString();
        // Axon keeps an event's time to the millisecond
        Instant at = Instant.parse("2026-12-01T10:15:30.123Z");
        List<DomainEventMessage<?>> appended = IntStream.range(0, 3)
                .<DomainEventMessage<?>>mapToObj(sequence -> new GenericDomainEventMessage<>(
                        "Probe",
                        aggregate,
                        sequence,
                        new GenericMessage<>("payload " + sequence, MetaData.with("trace", "t" + sequence)),
                        at.plusMillis(sequence)))
                .toList();
        storage.appendEvents(appended);

        List<? extends DomainEventMessage<?>> read;
        try (var events = storage.readEvents(aggregate).asStream()) {
            read = events.toList();
        }
        assertThat(read).hasSize(3);
        for (int i = 0; i < 3; i++) {
            DomainEventMessage<?> written = appended.get(i);
            assertThat(read.get(i).getIdentifier()).isEqualTo(written.getIdentifier());
            assertThat(read.get(i).getSequenceNumber()).isEqualTo(i);
            assertThat(read.get(i).getType()).isEqualTo("Probe");
            assertThat(read.get(i).getPayload()).isEqualTo("payload " + i);
            assertThat(read.get(i).getMetaData()).containsEntry("trace", "t" + i);
            assertThat(read.get(i).getTimestamp()).isEqualTo(at.plusMillis(i));
        }
        // Axon's own entity reads the rows as the engine wrote them, column by column
        List<DomainEventEntry> entries = entityManager
                .createQuery(
                        "SELECT e FROM DomainEventEntry e WHERE e.aggregateIdentifier = :id ORDER BY e.sequenceNumber",
                        DomainEventEntry.class)
                .setParameter("id", aggregate)
                .getResultList();
        assertThat(entries).hasSize(3);
        for (int i = 0; i < 3; i++) {
            DomainEventEntry entry = entries.get(i);
            assertThat(entry.getEventIdentifier()).isEqualTo(appended.get(i).getIdentifier());
            assertThat(entry.getType()).isEqualTo("Probe");
            assertThat(entry.getSequenceNumber()).isEqualTo(i);
            assertThat(entry.getTimestamp()).isEqualTo(at.plusMillis(i));
            assertThat(entry.getPayload().getType().getName()).isEqualTo(String.class.getName());
            assertThat(new String(entry.getMetaData().getData(), StandardCharsets.UTF_8))
                    .contains("\"trace\"", "\"t" + i + "\"");
        }
        // the global indexes follow the order the events were appended in
        List<String> trackedOrder = read(null).stream()
                .filter(event -> event instanceof DomainEventMessage<?> domain
                        && domain.getAggregateIdentifier().equals(aggregate))
                .map(TrackedEventMessage::getIdentifier)
                .toList();
        assertThat(trackedOrder)
                .containsExactlyElementsOf(
                        appended.stream().map(EventMessage::getIdentifier).toList());
    }

    @Test
    void anEventAtASequenceNumberAlreadyTakenIsAConcurrencyConflict() {
        String aggregate = UUID.randomUUID().toString();
        storage.appendEvents(List.of(
                new GenericDomainEventMessage<>("Probe", aggregate, 0, "first"),
                new GenericDomainEventMessage<>("Probe", aggregate, 1, "second")));

        assertThatThrownBy(() -> storage.appendEvents(
                        List.of(new GenericDomainEventMessage<>("Probe", aggregate, 1, "concurrent"))))
                .isInstanceOf(ConcurrencyException.class);
        try (var events = storage.readEvents(aggregate).asStream()) {
            assertThat(events.map(event -> (Object) event.getPayload())).containsExactly("first", "second");
        }
    }

    private List<? extends TrackedEventMessage<?>> read(GapAwareTrackingToken token) {
        try (var events = storage.readEvents(token, false)) {
            return events.toList();
        }
    }
}
