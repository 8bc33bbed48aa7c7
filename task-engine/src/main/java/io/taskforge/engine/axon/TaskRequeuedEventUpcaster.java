package io.taskforge.engine.axon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskforge.task.event.TaskRequeuedEvent;
import org.springframework.stereotype.Component;

/**
 * Reads a {@link TaskRequeuedEvent} stored before revision 2, which named neither the next attempt
 * nor the task's definition. Such an event says nothing about them, so they read as unknown: no
 * reader needs them for a past requeue (the queue takes each event up once, as it is stored; the
 * aggregate and the read models never looked at them).
 */
@Component
class TaskRequeuedEventUpcaster extends RevisionUpcaster {

    TaskRequeuedEventUpcaster() {
        super(TaskRequeuedEvent.class, null, TaskRequeuedEvent.REVISION);
    }

    @Override
    void addFields(ObjectNode payload) {
        payload.put("nextAttempt", 0);
        payload.putNull("definition");
        payload.putNull("createdAt");
    }
}
