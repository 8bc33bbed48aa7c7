package io.taskforge.engine.execution;

import io.taskforge.engine.logs.TaskLogStore;
import io.taskforge.engine.queue.ClaimedTask;
import io.taskforge.engine.queue.LeasedAttempt;
import io.taskforge.engine.queue.RunningTask;
import io.taskforge.handler.TaskLog;
import io.taskforge.task.ErrorClassification;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.worker.WorkerCapabilities;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Attempts run by workers in other processes, over the same {@link AttemptLifecycle} as the local
 * runner: the same start, the same events, the same classifier, backoff and circuit breakers.
 *
 * <p>Every report is fenced: it names the attempt (its fencing token) and is accepted only while
 * the reporting worker holds that attempt's lease. A report from a worker whose lease lapsed, or
 * about an attempt that is no longer current, changes nothing and answers false.
 */
@Component
public class ExternalAttempts {

    /** How many claimed tasks a claim may try to start before it gives up for this round. */
    private static final int STARTS_PER_CLAIM = 5;

    private final AttemptLifecycle lifecycle;
    private final ProviderBreakers breakers;
    private final TaskLogStore logs;
    private final ExecutionProperties properties;
    private final Clock clock;
    /** The progress of the attempts reported to this node, by task; one attempt per task at a time. */
    private final Map<TaskId, AttemptProgress> progress = new ConcurrentHashMap<>();

    private final ScheduledExecutorService progressFlusher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("external-progress-flush").daemon().factory());

    ExternalAttempts(
            AttemptLifecycle lifecycle,
            ProviderBreakers breakers,
            TaskLogStore logs,
            ExecutionProperties properties,
            Clock clock) {
        this.lifecycle = lifecycle;
        this.breakers = breakers;
        this.logs = logs;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Claims the next due task the worker's capabilities match and starts its attempt on the
     * worker; empty when nothing fits or the worker runs as many attempts as it can.
     */
    public Optional<ClaimedTask> claim(String workerId, WorkerCapabilities capabilities) {
        for (int tries = 0; tries < STARTS_PER_CLAIM; tries++) {
            var claimed = lifecycle.claimMatching(
                    workerId, capabilities.supportedProblems(), capabilities.maxParallelTasks(), 1);
            if (claimed.isEmpty()) {
                return Optional.empty();
            }
            ClaimedTask task = claimed.getFirst();
            if (!lifecycle.start(task, workerId)) {
                continue;
            }
            if (breakers.admits(task)) {
                return Optional.of(task);
            }
            breakers.failNotAdmitted(task);
        }
        return Optional.empty();
    }

    /**
     * Renews the leases of the attempts the worker says it runs (task and fencing token) and
     * returns the tasks it must stop: cancelled, timed out, or otherwise no longer its attempt.
     */
    public Set<TaskId> heartbeat(String workerId, Map<TaskId, Integer> running) {
        Map<TaskId, Integer> assigned = lifecycle.heartbeat(workerId, running.keySet());
        Set<TaskId> stop = running.entrySet().stream()
                .filter(entry -> !entry.getValue().equals(assigned.get(entry.getKey())))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        stop.forEach(progress::remove);
        return stop;
    }

    public boolean progress(String workerId, TaskId taskId, int token, int percent, String message) {
        return fenced(workerId, taskId, token)
                .map(lease -> {
                    progress.compute(
                                    taskId,
                                    (id, held) -> held != null && held.attempt() == token
                                            ? held
                                            : new AttemptProgress(token, coalescer(id, token)))
                            .coalescer()
                            .report(percent, message);
                    return true;
                })
                .orElse(false);
    }

    private ProgressCoalescer coalescer(TaskId taskId, int attempt) {
        return new ProgressCoalescer(
                taskId, attempt, properties.progressInterval(), clock, progressFlusher, lifecycle::progress);
    }

    public boolean log(
            String workerId,
            TaskId taskId,
            int token,
            TaskLog.Level level,
            String message,
            Map<String, Object> context) {
        return fenced(workerId, taskId, token)
                .map(lease -> {
                    logs.forAttempt(taskId, token).write(level, message, context);
                    return true;
                })
                .orElse(false);
    }

    public boolean succeed(String workerId, TaskId taskId, int token, Map<String, Object> result) {
        return end(
                workerId,
                taskId,
                token,
                new AttemptOutcome.Succeeded(result),
                () -> lifecycle.succeed(taskId, token, result));
    }

    /**
     * Fails the attempt with the worker's error.
     *
     * @param verdict the worker's own classification, or null to let the engine's classifier decide
     * @param retryAfter the wait the worker's provider asked for, or null
     */
    public boolean fail(
            String workerId,
            TaskId taskId,
            int token,
            TaskError error,
            ErrorClassification verdict,
            Duration retryAfter) {
        LeasedAttempt lease = fenced(workerId, taskId, token).orElse(null);
        if (lease == null) {
            return false;
        }
        var failure = new AttemptFailure(error, verdict, breakers.stateFor(lease.provider()), retryAfter);
        return end(
                lease,
                new AttemptOutcome.Failed(error, verdict, retryAfter),
                () -> lifecycle.fail(taskId, token, failure));
    }

    /**
     * Hands the worker's running attempts back: each is timed out with the reason, and the retry
     * policy decides what follows, as for an attempt whose lease lapsed.
     */
    public void handBack(String workerId, String reason) {
        for (RunningTask task : lifecycle.runningOn(workerId)) {
            progress.remove(task.taskId());
            lifecycle.timeOut(task.taskId(), task.attempt(), reason);
        }
    }

    private boolean end(String workerId, TaskId taskId, int token, AttemptOutcome outcome, Reporter report) {
        return fenced(workerId, taskId, token)
                .map(lease -> end(lease, outcome, report))
                .orElse(false);
    }

    private boolean end(LeasedAttempt lease, AttemptOutcome outcome, Reporter report) {
        AttemptProgress reported = progress.remove(lease.taskId());
        if (reported != null && reported.attempt() == lease.attempt()) {
            reported.coalescer().flush();
        }
        boolean accepted = report.send();
        if (accepted) {
            long nanos = Duration.between(lease.startedAt(), clock.instant()).toNanos();
            breakers.record(lease.provider(), outcome, nanos);
        }
        return accepted;
    }

    /** The attempt's lease when the worker holds it; otherwise empty, and this node forgets the attempt's progress. */
    private Optional<LeasedAttempt> fenced(String workerId, TaskId taskId, int token) {
        Instant now = clock.instant();
        Optional<LeasedAttempt> held = lifecycle.leaseOf(taskId).filter(lease -> lease.heldBy(workerId, token, now));
        if (held.isEmpty()) {
            progress.remove(taskId);
        }
        return held;
    }

    private record AttemptProgress(int attempt, ProgressCoalescer coalescer) {}

    @FunctionalInterface
    private interface Reporter {
        boolean send();
    }
}
