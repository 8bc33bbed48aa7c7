package io.taskforge.recovery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskforge.docs.ApiTags;
import io.taskforge.task.counts.TaskCounts;
import io.taskforge.tasks.TaskLookup;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The self-healing monitoring summary: queue depth, counts, failure rate, run time and open breakers. */
@RestController
@Tag(name = ApiTags.SELF_HEALING)
class MonitoringHealthController {

    /** A provider whose circuit breaker is not closed. */
    record BreakerState(String provider, String state, double failureRate) {}

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

    private final TaskLookup lookup;
    private final CircuitBreakerRegistry breakers;
    private final Clock clock;

    MonitoringHealthController(TaskLookup lookup, CircuitBreakerRegistry breakers, Clock clock) {
        this.lookup = lookup;
        this.breakers = breakers;
        this.clock = clock;
    }

    @GetMapping("/api/v1/tasks/monitoring/health")
    @Operation(summary = "Queue depth, task counts, failure rate, average execution time and open circuit breakers")
    MonitoringHealth health() {
        TaskCounts counts = lookup.counts();
        List<BreakerState> open = breakers.getAllCircuitBreakers().stream()
                .filter(breaker -> breaker.getState() != CircuitBreaker.State.CLOSED)
                .map(breaker -> new BreakerState(
                        breaker.getName(),
                        breaker.getState().name().toLowerCase(Locale.ROOT),
                        breaker.getMetrics().getFailureRate()))
                .toList();
        return new MonitoringHealth(
                open.isEmpty() ? "healthy" : "degraded",
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
                open,
                clock.instant());
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
