package io.taskforge.engine.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskforge.task.event.TaskRequeuedEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Reads a {@link TaskRequeuedEvent} stored before revision 2, which named neither the next attempt
 * nor the task's definition. Such an event says nothing about them, so they read as unknown: no
 * reader needs them for a past requeue (the queue takes each event up once, as it is stored; the
 * aggregate and the read models never looked at them).
 */
@Component
class TaskRequeuedEventUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType FIRST_REVISION =
            new SimpleSerializedType(TaskRequeuedEvent.class.getName(), null);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(FIRST_REVISION);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(TaskRequeuedEvent.class.getName(), TaskRequeuedEvent.REVISION),
                JsonNode.class,
                payload -> {
                    ObjectNode event = (ObjectNode) payload;
                    event.put("nextAttempt", 0);
                    event.putNull("definition");
                    event.putNull("createdAt");
                    return event;
                });
    }
}
