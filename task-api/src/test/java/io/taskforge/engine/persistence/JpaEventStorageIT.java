package io.taskforge.engine.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskforge.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A token with gaps reads the events that filled its gaps and then those after it, in the order of
 * their global index, as Axon's own single query would.
 */
@TestPropertySource(properties = "taskforge.execution.enabled=false")
class JpaEventStorageIT extends IntegrationTest {

    @Autowired
    EventStorageEngine storage;

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

    private List<? extends TrackedEventMessage<?>> read(GapAwareTrackingToken token) {
        try (var events = storage.readEvents(token, false)) {
            return events.toList();
        }
    }
}
