package io.taskforge.system;

import java.time.Instant;

/**
 * The application's health as seed 000 reports it.
 *
 * @param status {@code healthy} or {@code degraded}
 * @param reason why it is degraded; null when healthy
 * @param timestamp when the check was made
 */
record HealthResponse(String status, String reason, SystemTaskCounts tasks, Instant timestamp) {

    static final String HEALTHY = "healthy";
    static final String DEGRADED = "degraded";

    boolean healthy() {
        return HEALTHY.equals(status);
    }
}
