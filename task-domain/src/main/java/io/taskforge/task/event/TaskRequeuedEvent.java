package io.taskforge.task.event;

import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Someone sent a finished, unsuccessful task back to the queue with a fresh retry budget. The
 * event carries what the queue needs to take the task up again, so no reader has to load the
 * task's history to act on it.
 *
 * @param nextAttempt the number the next attempt runs under (0 in an event stored before revision 2,
 *     which also lacks the definition and the creation time)
 * @param definition the task as it was submitted
 * @param createdAt when the task was submitted
 */
@Revision(TaskRequeuedEvent.REVISION)
public record TaskRequeuedEvent(
        TaskId taskId,
        String requestedBy,
        TaskStatus previousStatus,
        int nextAttempt,
        TaskDefinition definition,
        Instant createdAt,
        Instant occurredAt)
        implements TaskEvent {

    /** Revision 2 added {@code nextAttempt}, {@code definition} and {@code createdAt}. */
    public static final String REVISION = "2";
}
