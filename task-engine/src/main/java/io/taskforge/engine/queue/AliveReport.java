package io.taskforge.engine.queue;

import io.taskforge.task.TaskId;
import java.time.Instant;

/**
 * A running attempt's latest word on its liveness, as a heartbeat writes it to the queue row.
 *
 * @param aliveAt when the attempt last reported that it moved
 * @param aliveUntil when it counts as stalled unless it reports again
 * @param status how far it got, in its own words
 */
public record AliveReport(TaskId taskId, int attempt, Instant aliveAt, Instant aliveUntil, String status) {}
