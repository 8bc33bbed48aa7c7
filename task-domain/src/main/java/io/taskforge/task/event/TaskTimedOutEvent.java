package io.taskforge.task.event;

import io.taskforge.task.TaskId;
import java.time.Instant;

/** The task's last allowed attempt ran out of time; the task ends as timed out. */
public record TaskTimedOutEvent(TaskId taskId, int attempts, Instant occurredAt) implements TaskEvent {}
