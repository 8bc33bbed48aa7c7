package io.taskforge.api.families.selfhealing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskforge.api.docs.ApiTags;
import io.taskforge.api.health.BreakerState;
import io.taskforge.api.health.Concern;
import io.taskforge.api.health.HealthAssessment;
import io.taskforge.api.health.HealthAssessor;
import io.taskforge.task.counts.TaskCounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The self-healing monitoring summary: queue depth, counts, failure rate, run time and open breakers. */
@RestController
@Tag(name = ApiTags.SELF_HEALING)
class MonitoringHealthController {

    /** The counts behind the summary. */
    record Counts(
            long pending,
            long running,
            long retryScheduled,
            long completed,
            long failed,
            long timeout,
            long cancelled,
            long inDlq) {}

    /**
     * The summary.
     *
     * @param failureRate failed and timed-out tasks among finished ones (not cancelled), in percent
     */
    record MonitoringHealth(
            String status,
            long queueDepth,
            Counts counts,
            double failureRate,
            double avgExecutionTimeMs,
            List<BreakerState> openCircuitBreakers,
            Instant timestamp) {}

    /** Seed 003's monitoring summary is degraded while a provider's circuit breaker is not closed. */
    private static final Set<Concern> DEGRADED_BY = EnumSet.of(Concern.CIRCUIT_BREAKERS);

    private final HealthAssessor assessor;

    MonitoringHealthController(HealthAssessor assessor) {
        this.assessor = assessor;
    }

    @GetMapping("/api/v1/tasks/monitoring/health")
    @Operation(summary = "Queue depth, task counts, failure rate, average execution time and open circuit breakers")
    MonitoringHealth health() {
        HealthAssessment assessment = assessor.assess(EnumSet.of(Concern.CIRCUIT_BREAKERS, Concern.TASK_COUNTS));
        TaskCounts counts = assessment.countsOrThrow();
        return new MonitoringHealth(
                assessment.degradedBy(DEGRADED_BY) ? "degraded" : "healthy",
                counts.waiting(),
                new Counts(
                        counts.pending(),
                        counts.running(),
                        counts.retryScheduled(),
                        counts.completed(),
                        counts.failed(),
                        counts.timeout(),
                        counts.cancelled(),
                        counts.inDlq()),
                counts.failureRate(),
                round(counts.averageCompletedMillis()),
                assessment.openBreakers(),
                assessment.at());
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
