package io.taskforge.engine.history;

import io.taskforge.task.TaskId;
import io.taskforge.task.event.TaskCreatedEvent;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * What the event store, the source of truth, says about a task, for readers that cannot wait for
 * the read models: a submission answering with its new task, a read right after it.
 */
@Component
public class TaskHistory {

    private final EventStore events;

    TaskHistory(EventStore events) {
        this.events = events;
    }

    /** The event that created the task; empty when no task has this id. */
    public Optional<TaskCreatedEvent> creation(TaskId taskId) {
        DomainEventStream stream = events.readEvents(taskId.toString(), 0);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.next();
        return first.getPayload() instanceof TaskCreatedEvent created ? Optional.of(created) : Optional.empty();
    }
}
