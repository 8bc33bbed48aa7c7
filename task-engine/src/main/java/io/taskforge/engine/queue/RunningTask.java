package io.taskforge.engine.queue;

import io.taskforge.task.TaskId;
import java.time.Instant;

/**
 * A queue row in the running state, as the sweeper and stall detection see it.
 *
 * @param aliveAt when an attempt that watches its liveness last reported; null for others
 * @param aliveUntil when that attempt counts as stalled unless it reports again; null for others
 * @param aliveStatus how far it got, in its own words; may be null
 */
public record RunningTask(
        TaskId taskId,
        String type,
        int attempt,
        String workerId,
        Instant leaseUntil,
        Instant deadline,
        Instant startedAt,
        Instant progressAt,
        Instant aliveAt,
        Instant aliveUntil,
        String aliveStatus) {}
