package io.taskforge.health;

import io.taskforge.execution.ExecutionProperties;
import io.taskforge.execution.RunningAttempts;
import io.taskforge.tasks.TaskLookup;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Component;

/**
 * Judges the engine: unhealthy when the database does not answer; degraded when it answers slowly,
 * when the task counts cannot be read, or when an event processor stopped or failed (its read
 * model then falls behind).
 */
@Component
class EngineHealth {

    private final DatabaseProbe database;
    private final TaskLookup lookup;
    private final EventProcessingConfiguration processing;
    private final ExecutionProperties execution;
    private final RunningAttempts running;
    private final ApplicationAvailability availability;
    private final ApplicationVersion version;
    private final HealthProperties properties;
    private final Clock clock;

    EngineHealth(
            DatabaseProbe database,
            TaskLookup lookup,
            EventProcessingConfiguration processing,
            ExecutionProperties execution,
            RunningAttempts running,
            ApplicationAvailability availability,
            ApplicationVersion version,
            HealthProperties properties,
            Clock clock) {
        this.database = database;
        this.lookup = lookup;
        this.processing = processing;
        this.execution = execution;
        this.running = running;
        this.availability = availability;
        this.version = version;
        this.properties = properties;
        this.clock = clock;
    }

    HealthReport health() {
        DatabaseProbe.Check check = database.check();
        List<String> reasons = new ArrayList<>();
        HealthReport.Queue queue = null;
        if (!check.connected()) {
            reasons.add("database unreachable: " + check.failure());
        } else {
            if (check.latencyMs() > properties.slowDatabase().toMillis()) {
                reasons.add("database slow: SELECT 1 took " + check.latencyMs() + " ms");
            }
            queue = queue(reasons);
            reasons.addAll(processorProblems());
        }
        HealthStatus status = !check.connected()
                ? HealthStatus.UNHEALTHY
                : reasons.isEmpty() ? HealthStatus.HEALTHY : HealthStatus.DEGRADED;
        return new HealthReport(
                status,
                version.value(),
                clock.instant(),
                new HealthReport.Database(check.connected(), check.latencyMs()),
                HealthReport.Workers.of(execution, running),
                queue,
                List.copyOf(reasons));
    }

    ReadinessReport readiness() {
        boolean started = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
        boolean connected = database.check().connected();
        boolean workers = execution.enabled() && execution.workers() > 0;
        return new ReadinessReport(started && connected, connected, workers);
    }

    private HealthReport.Queue queue(List<String> reasons) {
        try {
            return HealthReport.Queue.of(lookup.counts());
        } catch (RuntimeException unreadable) {
            reasons.add("task counts unreadable: " + unreadable.getMessage());
            return null;
        }
    }

    private List<String> processorProblems() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, EventProcessor> entry :
                processing.eventProcessors().entrySet()) {
            EventProcessor processor = entry.getValue();
            if (processor instanceof StreamingEventProcessor streaming && streaming.isError()) {
                problems.add("event processor " + entry.getKey() + " is failing and retrying");
            } else if (!processor.isRunning()) {
                problems.add("event processor " + entry.getKey() + " is not running");
            }
        }
        return problems;
    }
}
