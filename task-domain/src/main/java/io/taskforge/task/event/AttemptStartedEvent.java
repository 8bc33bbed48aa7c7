package io.taskforge.task.event;

import io.taskforge.task.TaskId;
import java.time.Instant;

/**
 * An attempt began on a worker.
 *
 * @param attempt the attempt's number over the task's whole life, starting at 1
 * @param deadline when the attempt times out
 */
public record AttemptStartedEvent(TaskId taskId, int attempt, String workerId, Instant deadline, Instant occurredAt)
        implements TaskEvent {}
