package io.taskforge.api.workers;

import java.time.Instant;

/**
 * Seed 002's answer to a registration, plus the timings a worker keeps to.
 *
 * @param leaseSeconds how long a claimed attempt stays the worker's without a heartbeat naming it
 * @param offlineAfterSeconds how long the worker may stay silent before it is taken offline
 */
record RegistrationResponse(
        String id,
        String backendType,
        String status,
        Instant registeredAt,
        long leaseSeconds,
        long offlineAfterSeconds) {}
