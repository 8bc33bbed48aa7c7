package io.taskforge.api.health;

import io.taskforge.engine.execution.ExecutionProperties;
import io.taskforge.engine.execution.RunningAttempts;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Component;

/**
 * The answers of seed 002's probes. {@code /health} reports on the engine itself: unhealthy when
 * the database does not answer; degraded when it answers slowly, when the task counts cannot be
 * read, when an event processor stopped or failed (its read model then falls behind), or when a
 * read model parked events it could not apply.
 */
@Component
class EngineHealth {

    static final Set<Concern> CONCERNS =
            EnumSet.of(Concern.DATABASE, Concern.TASK_COUNTS, Concern.EVENT_PROCESSORS, Concern.PARKED_EVENTS);

    private final HealthAssessor assessor;
    private final DatabaseProbe database;
    private final ExecutionProperties execution;
    private final RunningAttempts running;
    private final ApplicationAvailability availability;
    private final ApplicationVersion version;

    EngineHealth(
            HealthAssessor assessor,
            DatabaseProbe database,
            ExecutionProperties execution,
            RunningAttempts running,
            ApplicationAvailability availability,
            ApplicationVersion version) {
        this.assessor = assessor;
        this.database = database;
        this.execution = execution;
        this.running = running;
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
                HealthReport.Workers.of(execution, running),
                assessment.counts() == null ? null : HealthReport.Queue.of(assessment.counts()),
                assessment.reasons(CONCERNS));
    }

    ReadinessReport readiness() {
        boolean started = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
        boolean connected = database.check().connected();
        boolean workers = execution.enabled() && execution.workers() > 0;
        return new ReadinessReport(started && connected, connected, workers);
    }
}
