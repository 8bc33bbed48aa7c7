package io.taskforge.api.health;

import io.taskforge.api.reads.TaskReads;
import io.taskforge.engine.execution.InternalPoolStatus;
import io.taskforge.engine.execution.InternalWorkers;
import io.taskforge.task.workers.ListWorkersQuery;
import io.taskforge.task.workers.WorkerView;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Component;

/**
 * The answers of seed 002's probes. {@code /health} reports on the engine itself: unhealthy when
 * the database does not answer; degraded when it answers slowly, when the task counts cannot be
 * read, when an event processor stopped or failed (its read model then falls behind), or when a
 * read model parked events it could not apply. Its workers are this node's internal ones and every
 * registered external worker.
 */
@Component
class EngineHealth {

    static final Set<Concern> CONCERNS =
            EnumSet.of(Concern.DATABASE, Concern.TASK_COUNTS, Concern.EVENT_PROCESSORS, Concern.PARKED_EVENTS);

    private final HealthAssessor assessor;
    private final DatabaseProbe database;
    private final InternalWorkers pool;
    private final TaskReads reads;
    private final ApplicationAvailability availability;
    private final ApplicationVersion version;

    EngineHealth(
            HealthAssessor assessor,
            DatabaseProbe database,
            InternalWorkers pool,
            TaskReads reads,
            ApplicationAvailability availability,
            ApplicationVersion version) {
        this.assessor = assessor;
        this.database = database;
        this.pool = pool;
        this.reads = reads;
        this.availability = availability;
        this.version = version;
    }

    HealthReport health() {
        HealthAssessment assessment = assessor.assess(CONCERNS);
        DatabaseProbe.Check check = assessment.database();
        HealthStatus status = !check.connected()
                ? HealthStatus.UNHEALTHY
                : assessment.degradedBy(CONCERNS) ? HealthStatus.DEGRADED : HealthStatus.HEALTHY;
        return new HealthReport(
                status,
                version.value(),
                assessment.at(),
                new HealthReport.Database(check.connected(), check.latencyMs()),
                HealthReport.Workers.of(pool.status()).plus(check.connected() ? externalWorkers() : List.of()),
                assessment.counts() == null ? null : HealthReport.Queue.of(assessment.counts()),
                assessment.reasons(CONCERNS));
    }

    ReadinessReport readiness() {
        boolean started = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
        boolean connected = database.check().connected();
        InternalPoolStatus internal = pool.status();
        boolean workers = (internal.running() && internal.size() > 0)
                || (connected
                        && externalWorkers().stream()
                                .anyMatch(worker -> !worker.status().equals(WorkerView.OFFLINE)));
        return new ReadinessReport(started && connected, connected, workers);
    }

    /** The registered external workers; none when they cannot be read, which the database check reports. */
    private List<WorkerView> externalWorkers() {
        try {
            return reads.workers(new ListWorkersQuery(null, null));
        } catch (RuntimeException unreadable) {
            return List.of();
        }
    }
}
