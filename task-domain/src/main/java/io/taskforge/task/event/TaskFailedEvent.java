package io.taskforge.task.event;

import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import java.time.Instant;

/**
 * The task gave up: its error was permanent, its retries were spent or its provider's circuit was open.
 *
 * @param error the last attempt's error
 * @param attempts attempts made in this run of the task
 * @param reason why no further retry follows
 */
public record TaskFailedEvent(TaskId taskId, TaskError error, int attempts, String reason, Instant occurredAt)
        implements TaskEvent {}
