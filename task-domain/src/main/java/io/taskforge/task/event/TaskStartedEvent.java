package io.taskforge.task.event;

import io.taskforge.task.RetrySettings;
import io.taskforge.task.TaskId;
import java.time.Instant;

/** The task's first attempt began; records the retry configuration it runs under. */
public record TaskStartedEvent(TaskId taskId, RetrySettings retry, long timeoutSeconds, Instant occurredAt)
        implements TaskEvent {}
