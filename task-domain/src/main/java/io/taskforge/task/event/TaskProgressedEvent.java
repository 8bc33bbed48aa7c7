package io.taskforge.task.event;

import io.taskforge.task.TaskId;
import java.time.Instant;

/** A running attempt reported progress, from 0 to 100, with an optional message. */
public record TaskProgressedEvent(TaskId taskId, int attempt, int percent, String message, Instant occurredAt)
        implements TaskEvent {}
