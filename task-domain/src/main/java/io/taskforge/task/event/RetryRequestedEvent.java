package io.taskforge.task.event;

import io.taskforge.task.TaskId;
import java.time.Instant;
import java.util.Map;

/**
 * Someone asked to run the task again, saying why, or with an edited input; the requeue follows.
 *
 * @param reason why, in the requester's words; null when not given
 * @param input the input the task runs with from now on; null when it stays as it was
 */
public record RetryRequestedEvent(
        TaskId taskId, String requestedBy, String reason, Map<String, Object> input, Instant occurredAt)
        implements TaskEvent {}
