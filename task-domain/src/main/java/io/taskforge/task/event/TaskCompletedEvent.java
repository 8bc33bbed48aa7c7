package io.taskforge.task.event;

import io.taskforge.task.TaskId;
import java.time.Instant;
import java.util.Map;

/**
 * The task finished successfully.
 *
 * @param attempts attempts it took, this one included
 * @param durationMillis from the first attempt's start to completion
 */
public record TaskCompletedEvent(
        TaskId taskId, Map<String, Object> result, int attempts, long durationMillis, Instant occurredAt)
        implements TaskEvent {}
