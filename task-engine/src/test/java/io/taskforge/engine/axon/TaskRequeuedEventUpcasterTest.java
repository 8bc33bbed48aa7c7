package io.taskforge.engine.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskforge.task.RetrySettings;
import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
import io.taskforge.task.event.TaskRequeuedEvent;
import java.time.Instant;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

class TaskRequeuedEventUpcasterTest {

    private static final TaskId TASK = TaskId.parse("6f1c2a52-8d3e-4b7a-9c10-2f4e5d6a7b81");
    private static final Instant REQUEUED_AT = Instant.parse("2026-11-20T09:30:00Z");
    private static final Instant CREATED_AT = Instant.parse("2026-11-20T09:00:00Z");

    /** How revision 1 of the event was stored, before it carried what the queue needs. */
    private static final String FIRST_REVISION_PAYLOAD = """
            {"taskId": {"value": "6f1c2a52-8d3e-4b7a-9c10-2f4e5d6a7b81"}, "requestedBy": "ops@taskforge.io",
             "previousStatus": "FAILED", "occurredAt": "2026-11-20T09:30:00Z"}""";

    private final Serializer serializer = new AxonConfiguration().serializer();
    private final TaskRequeuedEventUpcaster upcaster = new TaskRequeuedEventUpcaster();

    @Test
    void readsAFirstRevisionEventWithItsFactsAndTheNewFieldsUnknown() {
        IntermediateEventRepresentation upcast = upcast(stored(FIRST_REVISION_PAYLOAD, null));

        assertThat(upcast.getType().getRevision()).isEqualTo(TaskRequeuedEvent.REVISION);
        TaskRequeuedEvent event = serializer.deserialize(upcast.getData());
        assertThat(event)
                .isEqualTo(
                        new TaskRequeuedEvent(TASK, "ops@taskforge.io", TaskStatus.FAILED, 0, null, null, REQUEUED_AT));
    }

    @Test
    void leavesTheCurrentRevisionAsItIs() {
        var definition = new TaskDefinition(
                "noop", null, null, Map.of(), Map.of(), null, 0, 60, RetrySettings.DEFAULT, null, null, null, null);
        var current = new TaskRequeuedEvent(
                TASK, "ops@taskforge.io", TaskStatus.TIMEOUT, 4, definition, CREATED_AT, REQUEUED_AT);
        SerializedObject<String> serialized = serializer.serialize(current, String.class);
        assertThat(serialized.getType().getRevision()).isEqualTo(TaskRequeuedEvent.REVISION);

        IntermediateEventRepresentation upcast =
                upcast(stored(serialized.getData(), serialized.getType().getRevision()));

        assertThat(upcast.getType().getRevision()).isEqualTo(TaskRequeuedEvent.REVISION);
        assertThat((TaskRequeuedEvent) serializer.deserialize(upcast.getData())).isEqualTo(current);
    }

    private GenericDomainEventEntry<String> stored(String payload, String revision) {
        return StoredEvents.stored(TASK.toString(), TaskRequeuedEvent.class.getName(), revision, payload, REQUEUED_AT);
    }

    private IntermediateEventRepresentation upcast(GenericDomainEventEntry<String> entry) {
        return StoredEvents.upcast(upcaster, entry, serializer);
    }
}
