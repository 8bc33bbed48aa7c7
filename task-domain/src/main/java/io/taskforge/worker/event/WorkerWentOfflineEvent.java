package io.taskforge.worker.event;

import io.taskforge.worker.WorkerId;
import java.time.Instant;

/**
 * A worker went offline: it missed its heartbeats, or said it was leaving. Its running attempts
 * are handed back to the queue; it takes no work until it registers again.
 *
 * @param lastHeartbeatAt its last sign of life
 */
public record WorkerWentOfflineEvent(WorkerId workerId, String reason, Instant lastHeartbeatAt, Instant occurredAt)
        implements WorkerEvent {}
