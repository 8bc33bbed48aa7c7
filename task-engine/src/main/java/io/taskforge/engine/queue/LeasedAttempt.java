package io.taskforge.engine.queue;

import io.taskforge.task.TaskId;
import java.time.Instant;

/**
 * A running attempt and the lease its worker holds on it: what a report from a worker is fenced by.
 *
 * @param provider the task's provider, whose circuit breaker the attempt's outcome counts for; may be null
 */
public record LeasedAttempt(
        TaskId taskId, int attempt, String workerId, String provider, Instant leaseUntil, Instant startedAt) {

    /** Whether {@code workerId} holds this attempt's lease at {@code now}. */
    public boolean heldBy(String workerId, int attempt, Instant now) {
        return this.workerId.equals(workerId) && this.attempt == attempt && !leaseUntil.isBefore(now);
    }
}
