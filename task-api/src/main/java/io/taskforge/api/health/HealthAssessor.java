package io.taskforge.api.health;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.taskforge.api.reads.TaskReads;
import io.taskforge.engine.deadletters.ParkedGroup;
import io.taskforge.engine.deadletters.ProjectionDeadLetters;
import io.taskforge.engine.execution.Stall;
import io.taskforge.engine.execution.StallDetector;
import io.taskforge.task.counts.TaskCounts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/**
 * The one place that decides what makes the engine less than healthy. It looks only at the
 * concerns asked for, so a probe that reports on the database never waits for stall detection.
 */
@Component
public class HealthAssessor {

    /** How many stalls a finding names before it only counts the rest. */
    static final int STALLS_NAMED = 3;

    private static final Set<Concern> NEEDS_COUNTS = EnumSet.of(Concern.TASK_COUNTS, Concern.DEAD_LETTERS);

    private final DatabaseProbe database;
    private final TaskReads reads;
    private final StallDetector stallDetector;
    private final CircuitBreakerRegistry breakers;
    private final EventProcessingConfiguration processing;
    private final ProjectionDeadLetters deadLetters;
    private final HealthProperties properties;
    private final Clock clock;

    HealthAssessor(
            DatabaseProbe database,
            TaskReads reads,
            StallDetector stallDetector,
            CircuitBreakerRegistry breakers,
            EventProcessingConfiguration processing,
            ProjectionDeadLetters deadLetters,
            HealthProperties properties,
            Clock clock) {
        this.database = database;
        this.reads = reads;
        this.stallDetector = stallDetector;
        this.breakers = breakers;
        this.processing = processing;
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.clock = clock;
    }

    public HealthAssessment assess(Set<Concern> concerns) {
        List<HealthFinding> findings = new ArrayList<>();
        DatabaseProbe.Check check = null;
        if (concerns.contains(Concern.DATABASE)) {
            check = database.check();
            findings.addAll(databaseFindings(check));
        }
        boolean reachable = check == null || check.connected();
        TaskCounts counts = null;
        RuntimeException countsFailure = null;
        if (reachable && concerns.stream().anyMatch(NEEDS_COUNTS::contains)) {
            try {
                counts = reads.counts();
            } catch (RuntimeException unreadable) {
                countsFailure = unreadable;
                if (concerns.contains(Concern.TASK_COUNTS)) {
                    findings.add(new HealthFinding(
                            Concern.TASK_COUNTS, "task counts unreadable: " + unreadable.getMessage()));
                }
            }
        }
        if (reachable && concerns.contains(Concern.EVENT_PROCESSORS)) {
            findings.addAll(processorFindings());
        }
        if (reachable && concerns.contains(Concern.PARKED_EVENTS)) {
            findings.addAll(parkedEventFindings());
        }
        long inDlq = counts != null && concerns.contains(Concern.DEAD_LETTERS) ? counts.inDlq() : 0;
        List<Stall> stalls =
                concerns.contains(Concern.STALLS) ? stallDetector.stalls().all() : List.of();
        findings.addAll(workFindings(inDlq, stalls));
        List<BreakerState> open = concerns.contains(Concern.CIRCUIT_BREAKERS) ? openBreakers() : List.of();
        open.forEach(breaker -> findings.add(new HealthFinding(
                Concern.CIRCUIT_BREAKERS,
                "circuit breaker for provider " + breaker.provider() + " is " + breaker.state())));
        return new HealthAssessment(clock.instant(), check, counts, countsFailure, stalls, open, List.copyOf(findings));
    }

    /** What holds up work: tasks waiting in the dead letter queue, then stalls. */
    static List<HealthFinding> workFindings(long inDlq, List<Stall> stalls) {
        List<HealthFinding> findings = new ArrayList<>();
        if (inDlq > 0) {
            findings.add(new HealthFinding(
                    Concern.DEAD_LETTERS, inDlq + " task(s) failed and wait in the dead letter queue"));
        }
        if (!stalls.isEmpty()) {
            String named = stalls.stream()
                    .limit(STALLS_NAMED)
                    .map(HealthAssessor::briefly)
                    .collect(Collectors.joining(", "));
            String more = stalls.size() > STALLS_NAMED ? ", " + (stalls.size() - STALLS_NAMED) + " more" : "";
            findings.add(new HealthFinding(Concern.STALLS, stalls.size() + " stall(s): " + named + more));
        }
        return findings;
    }

    private static String briefly(Stall stall) {
        return stall.kind()
                + (stall.taskId() != null ? " (task " + stall.taskId() + ")" : " (type " + stall.type() + ")");
    }

    private List<HealthFinding> databaseFindings(DatabaseProbe.Check check) {
        if (!check.connected()) {
            return List.of(new HealthFinding(Concern.DATABASE, "database unreachable: " + check.failure()));
        }
        if (check.latencyMs() > properties.slowDatabase().toMillis()) {
            return List.of(
                    new HealthFinding(Concern.DATABASE, "database slow: SELECT 1 took " + check.latencyMs() + " ms"));
        }
        return List.of();
    }

    private List<HealthFinding> processorFindings() {
        List<HealthFinding> problems = new ArrayList<>();
        for (Map.Entry<String, EventProcessor> entry :
                processing.eventProcessors().entrySet()) {
            EventProcessor processor = entry.getValue();
            if (processor instanceof StreamingEventProcessor streaming && streaming.isError()) {
                problems.add(new HealthFinding(
                        Concern.EVENT_PROCESSORS, "event processor " + entry.getKey() + " is failing and retrying"));
            } else if (!processor.isRunning()) {
                problems.add(new HealthFinding(
                        Concern.EVENT_PROCESSORS, "event processor " + entry.getKey() + " is not running"));
            }
        }
        return problems;
    }

    private List<HealthFinding> parkedEventFindings() {
        return deadLetters.summary().stream()
                .filter(group -> group.events() > 0)
                .map(HealthAssessor::parked)
                .toList();
    }

    private static HealthFinding parked(ParkedGroup group) {
        return new HealthFinding(
                Concern.PARKED_EVENTS,
                "read model " + group.processingGroup() + " parked " + group.events() + " event(s) of " + group.tasks()
                        + " task(s) it could not apply; see /api/v1/admin/projections/dead-letters");
    }

    private List<BreakerState> openBreakers() {
        return breakers.getAllCircuitBreakers().stream()
                .filter(breaker -> breaker.getState() != CircuitBreaker.State.CLOSED)
                .map(breaker -> new BreakerState(
                        breaker.getName(),
                        breaker.getState().name().toLowerCase(Locale.ROOT),
                        breaker.getMetrics().getFailureRate()))
                .toList();
    }
}
