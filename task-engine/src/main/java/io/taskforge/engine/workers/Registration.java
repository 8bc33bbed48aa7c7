package io.taskforge.engine.workers;

import io.taskforge.worker.WorkerId;
import java.time.Duration;
import java.time.Instant;

/**
 * A stored registration: the worker is online from {@code registeredAt}.
 *
 * @param lease how long a claimed attempt stays the worker's without a heartbeat naming it
 * @param offlineAfter how long the worker may stay silent before it is taken offline
 */
public record Registration(WorkerId workerId, Instant registeredAt, Duration lease, Duration offlineAfter) {}
