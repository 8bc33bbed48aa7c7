package io.taskforge.worker.event;

import io.taskforge.worker.WorkerCapabilities;
import io.taskforge.worker.WorkerId;
import java.time.Instant;

/**
 * A worker registered, or registered again with what it says about itself now; either way it is
 * online from here on.
 *
 * @param backendType what the worker runs on, in its own words (seed 002: {@code kind}, ...)
 * @param firstRegistration false when the worker had registered before
 */
public record WorkerRegisteredEvent(
        WorkerId workerId,
        String backendType,
        WorkerCapabilities capabilities,
        boolean firstRegistration,
        Instant occurredAt)
        implements WorkerEvent {}
