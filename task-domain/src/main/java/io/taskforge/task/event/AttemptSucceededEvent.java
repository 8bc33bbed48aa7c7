package io.taskforge.task.event;

import io.taskforge.task.TaskId;
import java.time.Instant;
import java.util.Map;

/** An attempt finished well, with the handler's result. */
public record AttemptSucceededEvent(
        TaskId taskId, int attempt, Map<String, Object> result, long durationMillis, Instant occurredAt)
        implements TaskEvent {}
