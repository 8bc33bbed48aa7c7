package io.taskforge.api.health;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.taskforge.api.reads.TaskReads;
import io.taskforge.engine.deadletters.ProjectionDeadLetters;
import io.taskforge.engine.execution.InternalWorkers;
import io.taskforge.task.TaskStatus;
import io.taskforge.task.counts.TaskCounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's own meters. Task counts are the same on every node (they come from the shared
 * counts projection), so dashboards take their max over nodes; worker meters are this node's.
 * Gauge names avoid a {@code _total} suffix, which the Prometheus client strips from gauges.
 */
@Component
class EngineMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(EngineMetrics.class);

    /** One scrape reads a dozen counts: they share one query instead of one each. */
    static final Duration COUNTS_MAX_AGE = Duration.ofSeconds(2);

    private final TaskReads reads;
    private final ProjectionDeadLetters deadLetters;
    private final InternalWorkers pool;
    private final Clock clock;
    private TaskCounts lastRead;
    private boolean lastReadFailed;
    private Instant readAt = Instant.MIN;

    EngineMetrics(TaskReads reads, ProjectionDeadLetters deadLetters, InternalWorkers pool, Clock clock) {
        this.reads = reads;
        this.deadLetters = deadLetters;
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (TaskStatus status : TaskStatus.values()) {
            Gauge.builder("taskforge.tasks", this, metrics -> metrics.gauge(counts -> countOf(counts, status)))
                    .tag("status", status.wireName())
                    .description("Tasks in each status over all nodes, archived ones left out")
                    .register(registry);
        }
        Gauge.builder("taskforge.tasks.in.dlq", this, metrics -> metrics.gauge(TaskCounts::inDlq))
                .description("Failed tasks waiting in the dead letter queue")
                .register(registry);
        for (String group : deadLetters.processingGroups()) {
            Gauge.builder("taskforge.projection.dead.letters", this, metrics -> metrics.parkedEvents(group))
                    .tag("processing_group", group)
                    .description("Events a read model parked because it could not apply them")
                    .register(registry);
        }
        FunctionCounter.builder("taskforge.tasks.submitted", this, metrics -> metrics.total(TaskCounts::created))
                .description("Tasks ever submitted")
                .register(registry);
        FunctionTimer.builder(
                        "taskforge.tasks.run",
                        this,
                        metrics -> metrics.total(TaskCounts::completedRuns),
                        metrics -> metrics.total(TaskCounts::completedDurationMillis),
                        TimeUnit.MILLISECONDS)
                .description("Run times of completed tasks, from the first attempt's start to completion")
                .register(registry);
        workerGauge(registry, "taskforge.workers.slots", "This node's internal workers", HealthReport.Workers::total);
        workerGauge(
                registry,
                "taskforge.workers.busy",
                "This node's workers running an attempt",
                HealthReport.Workers::busy);
        workerGauge(
                registry, "taskforge.workers.idle", "This node's workers waiting for work", HealthReport.Workers::idle);
        workerGauge(
                registry,
                "taskforge.workers.offline",
                "This node's internal workers that run nothing because the pool is stopped",
                HealthReport.Workers::offline);
    }

    private void workerGauge(
            MeterRegistry registry, String name, String description, ToDoubleFunction<HealthReport.Workers> slot) {
        Gauge.builder(name, this, metrics -> slot.applyAsDouble(HealthReport.Workers.of(pool.status())))
                .description(description)
                .register(registry);
    }

    /** A current count; NaN while the counts cannot be read, an honest gap rather than a stale value. */
    private synchronized double gauge(ToLongFunction<TaskCounts> field) {
        TaskCounts counts = counts();
        return lastReadFailed || counts == null ? Double.NaN : field.applyAsLong(counts);
    }

    /** An ever-growing total; the last one read while the counts cannot be read, so it never seems to reset. */
    private synchronized long total(ToLongFunction<TaskCounts> field) {
        TaskCounts counts = counts();
        return counts == null ? 0 : field.applyAsLong(counts);
    }

    private double parkedEvents(String processingGroup) {
        try {
            return deadLetters.parkedEvents(processingGroup);
        } catch (RuntimeException unreadable) {
            log.debug("parked events of {} unreadable for metrics: {}", processingGroup, unreadable.getMessage());
            return Double.NaN;
        }
    }

    private synchronized TaskCounts counts() {
        Instant now = clock.instant();
        if (!now.isBefore(readAt.plus(COUNTS_MAX_AGE))) {
            readAt = now;
            try {
                lastRead = reads.counts();
                lastReadFailed = false;
            } catch (RuntimeException unreadable) {
                lastReadFailed = true;
                log.debug("task counts unreadable for metrics: {}", unreadable.getMessage());
            }
        }
        return lastRead;
    }

    private static long countOf(TaskCounts counts, TaskStatus status) {
        return switch (status) {
            case PENDING -> counts.pending();
            case RUNNING -> counts.running();
            case RETRY_SCHEDULED -> counts.retryScheduled();
            case COMPLETED -> counts.completed();
            case FAILED -> counts.failed();
            case TIMEOUT -> counts.timeout();
            case CANCELLED -> counts.cancelled();
        };
    }
}
