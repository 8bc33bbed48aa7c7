package io.taskforge.api.families.systemtasks;

import io.taskforge.api.health.Concern;
import io.taskforge.api.health.HealthAssessment;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

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

    /** Seed 000 is degraded while failed tasks wait in the dead letter queue or work stalls. */
    static final Set<Concern> CONCERNS = EnumSet.of(Concern.DEAD_LETTERS, Concern.STALLS);

    static HealthResponse of(HealthAssessment assessment) {
        String reason = assessment.reason(CONCERNS);
        return new HealthResponse(
                reason == null ? HEALTHY : DEGRADED,
                reason,
                SystemTaskCounts.of(assessment.countsOrThrow()),
                assessment.at());
    }

    boolean healthy() {
        return HEALTHY.equals(status);
    }
}
