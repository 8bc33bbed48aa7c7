package io.taskforge.engine.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskforge.task.RetrySettings;
import io.taskforge.task.TaskCategory;
import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskId;
import io.taskforge.task.event.TaskCreatedEvent;
import java.time.Instant;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

class TaskCreatedEventUpcasterTest {

    private static final TaskId TASK = TaskId.parse("6f1c2a52-8d3e-4b7a-9c10-2f4e5d6a7b81");
    private static final Instant CREATED_AT = Instant.parse("2026-11-20T09:00:00Z");
    private static final TaskDefinition DEFINITION = new TaskDefinition(
            "noop",
            TaskCategory.RENDER,
            "Frame Manager renders loops",
            Map.of(),
            Map.of(),
            null,
            0,
            60,
            RetrySettings.DEFAULT,
            null,
            "src.engine.frame_manager:290",
            null,
            null);

    /** How revision 1 of the event was stored, before tasks had numbers. */
    private static final String FIRST_REVISION_PAYLOAD = """
            {"taskId": {"value": "6f1c2a52-8d3e-4b7a-9c10-2f4e5d6a7b81"},
             "definition": {"type": "noop", "category": "RENDER", "description": "Frame Manager renders loops",
               "input": {}, "metadata": {}, "provider": null, "priority": 0, "timeoutSeconds": 60,
               "retry": {"maxAttempts": 3, "baseDelayMillis": 1000, "maxDelayMillis": 30000, "jitter": 0.25},
               "owner": null, "createdBy": "src.engine.frame_manager:290", "problemId": null, "idempotencyKey": null},
             "occurredAt": "2026-11-20T09:00:00Z"}""";

    private final Serializer serializer = new AxonConfiguration().serializer();
    private final TaskCreatedEventUpcaster upcaster = new TaskCreatedEventUpcaster();

    @Test
    void readsAFirstRevisionEventAsATaskWithoutANumber() {
        IntermediateEventRepresentation upcast = upcast(stored(FIRST_REVISION_PAYLOAD, null));

        assertThat(upcast.getType().getRevision()).isEqualTo(TaskCreatedEvent.REVISION);
        TaskCreatedEvent event = serializer.deserialize(upcast.getData());
        assertThat(event).isEqualTo(new TaskCreatedEvent(TASK, null, DEFINITION, CREATED_AT));
    }

    @Test
    void leavesTheCurrentRevisionAsItIs() {
        var current = new TaskCreatedEvent(TASK, 42L, DEFINITION, CREATED_AT);
        SerializedObject<String> serialized = serializer.serialize(current, String.class);
        assertThat(serialized.getType().getRevision()).isEqualTo(TaskCreatedEvent.REVISION);

        IntermediateEventRepresentation upcast =
                upcast(stored(serialized.getData(), serialized.getType().getRevision()));

        assertThat(upcast.getType().getRevision()).isEqualTo(TaskCreatedEvent.REVISION);
        assertThat((TaskCreatedEvent) serializer.deserialize(upcast.getData())).isEqualTo(current);
    }

    private GenericDomainEventEntry<String> stored(String payload, String revision) {
        return StoredEvents.stored(TASK.toString(), TaskCreatedEvent.class.getName(), revision, payload, CREATED_AT);
    }

    private IntermediateEventRepresentation upcast(GenericDomainEventEntry<String> entry) {
        return StoredEvents.upcast(upcaster, entry, serializer);
    }
}
