package io.taskforge.task.event;

import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A task was submitted and waits to run.
 *
 * @param number the task's number, in the order tasks were submitted; null in an event stored before
 *     revision 2, when tasks had none
 */
@Revision(TaskCreatedEvent.REVISION)
public record TaskCreatedEvent(TaskId taskId, Long number, TaskDefinition definition, Instant occurredAt)
        implements TaskEvent {

    /** Revision 2 added {@code number}. */
    public static final String REVISION = "2";
}
