package io.taskforge.engine.axon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskforge.task.event.TaskCreatedEvent;
import org.springframework.stereotype.Component;

/**
 * Reads a {@link TaskCreatedEvent} stored before revision 2, when tasks had no number. Such a task
 * keeps having none (decision 0007): a number made up now could collide with one the sequence
 * hands out, and every reader and replay has to see the same value.
 */
@Component
class TaskCreatedEventUpcaster extends RevisionUpcaster {

    TaskCreatedEventUpcaster() {
        super(TaskCreatedEvent.class, null, TaskCreatedEvent.REVISION);
    }

    @Override
    void addFields(ObjectNode payload) {
        payload.putNull("number");
    }
}
