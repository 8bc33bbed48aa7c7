package io.taskforge.engine.execution;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.taskforge.engine.logs.TaskLogStore;
import io.taskforge.engine.queue.ClaimedTask;
import io.taskforge.engine.queue.QueueSignal;
import io.taskforge.handler.TaskHandler;
import io.taskforge.task.CircuitState;
import io.taskforge.task.ErrorClassification;
import io.taskforge.task.TaskError;
import io.taskforge.task.command.TaskPolicies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Runs claimed tasks on this node: starts each attempt through the {@link AttemptLifecycle} (the
 * aggregate refuses a second start of the same attempt), runs the handler under the attempt's
 * deadline and the provider's circuit breaker, and reports the outcome through the same port.
 */
@Component
class AttemptRunner {

    private final TaskHandlers handlers;
    private final AttemptLifecycle lifecycle;
    private final QueueSignal signal;
    private final RunningAttempts running;
    private final ProviderBreakers breakers;
    private final TaskLogStore logs;
    private final TaskPolicies policies;
    private final ExecutionProperties properties;
    private final WorkerIdentity worker;
    private final Clock clock;
    private final Semaphore slots;
    private final ClaimedBacklog backlog = new ClaimedBacklog();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService progressFlusher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("progress-flush").daemon().factory());

    AttemptRunner(
            TaskHandlers handlers,
            AttemptLifecycle lifecycle,
            QueueSignal signal,
            RunningAttempts running,
            ProviderBreakers breakers,
            TaskLogStore logs,
            TaskPolicies policies,
            ExecutionProperties properties,
            WorkerIdentity worker,
            Clock clock) {
        this.handlers = handlers;
        this.lifecycle = lifecycle;
        this.signal = signal;
        this.running = running;
        this.breakers = breakers;
        this.logs = logs;
        this.policies = policies;
        this.properties = properties;
        this.worker = worker;
        this.clock = clock;
        this.slots = new Semaphore(properties.workers());
    }

    /**
     * How many more claims this node should take: one per free slot, and as many again so that the
     * next attempts are at hand when running ones finish.
     */
    int wants() {
        return slots.availablePermits() + properties.workers() - backlog.size();
    }

    /** Takes claimed tasks and starts as many as there are free slots; the rest wait here. */
    void accept(List<ClaimedTask> claimed) {
        backlog.addAll(claimed, clock.instant());
        startWhatFits();
    }

    /** Gives back the claims that waited here since before {@code cutoff}, for other nodes to run. */
    void releaseClaimedBefore(Instant cutoff) {
        backlog.takeClaimedBefore(cutoff).forEach(task -> lifecycle.release(task.taskId(), worker.id()));
    }

    private void startWhatFits() {
        while (slots.tryAcquire()) {
            ClaimedTask next = backlog.poll();
            if (next == null) {
                slots.release();
                return;
            }
            threads.execute(() -> {
                try {
                    run(next);
                } finally {
                    slots.release();
                    startWhatFits();
                    if (backlog.size() <= properties.workers() / 2) {
                        signal.wake();
                    }
                }
            });
        }
    }

    /** Stops taking work; attempts still running after the grace period are interrupted and left to the lease. */
    void shutdown(Duration grace) throws InterruptedException {
        backlog.takeAll().forEach(task -> lifecycle.release(task.taskId(), worker.id()));
        threads.shutdown();
        if (!threads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            threads.shutdownNow();
        }
        progressFlusher.shutdownNow();
    }

    private void run(ClaimedTask task) {
        if (!lifecycle.start(task, worker.id())) {
            return;
        }
        Instant deadline = clock.instant().plusSeconds(task.timeoutSeconds());
        var progress = new ProgressCoalescer(
                task.taskId(),
                task.attempt(),
                properties.progressInterval(),
                clock,
                progressFlusher,
                lifecycle::progress);
        var context =
                new AttemptContext(task, deadline, progress, logs.forAttempt(task.taskId(), task.attempt()), clock);
        running.add(context);
        try {
            report(context, execute(context));
        } finally {
            running.remove(context);
        }
    }

    private AttemptOutcome execute(AttemptContext context) {
        TaskHandler handler = handlers.find(context.task().type()).orElseThrow();
        Optional<CircuitBreaker> breaker = breakers.of(context.task().provider());
        if (breaker.isPresent() && !breaker.get().tryAcquirePermission()) {
            return new AttemptOutcome.CircuitOpen();
        }
        long started = System.nanoTime();
        AttemptOutcome outcome = await(context, threads.submit(() -> handler.execute(context)));
        breaker.ifPresent(b -> record(b, outcome, System.nanoTime() - started));
        return outcome;
    }

    private AttemptOutcome await(AttemptContext context, Future<Map<String, Object>> handling) {
        context.onCancel(() -> handling.cancel(true));
        try {
            long millisLeft = Math.max(
                    0, Duration.between(clock.instant(), context.deadline()).toMillis());
            return new AttemptOutcome.Succeeded(
                    Objects.requireNonNullElse(handling.get(millisLeft, TimeUnit.MILLISECONDS), Map.of()));
        } catch (TimeoutException late) {
            context.stop(AttemptContext.StopReason.TIMED_OUT);
            return new AttemptOutcome.TimedOut();
        } catch (InterruptedException shuttingDown) {
            context.stop(AttemptContext.StopReason.NOT_ASSIGNED_HERE);
            Thread.currentThread().interrupt();
            return new AttemptOutcome.Stopped();
        } catch (CancellationException | ExecutionException failed) {
            if (context.isCancelled()) {
                return switch (context.stopReason()) {
                    case TIMED_OUT -> new AttemptOutcome.TimedOut();
                    case STALLED -> new AttemptOutcome.Stalled(context.stopDetail());
                    default -> new AttemptOutcome.Stopped();
                };
            }
            return Failures.of(failed.getCause() == null ? failed : failed.getCause());
        }
    }

    private void record(CircuitBreaker breaker, AttemptOutcome outcome, long nanos) {
        switch (outcome) {
            case AttemptOutcome.Succeeded ignored -> breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
            case AttemptOutcome.TimedOut ignored ->
                breaker.onError(nanos, TimeUnit.NANOSECONDS, new TimeoutException());
            case AttemptOutcome.Failed failed
            when isRetryable(failed) ->
                breaker.onError(
                        nanos,
                        TimeUnit.NANOSECONDS,
                        new IllegalStateException(failed.error().message()));
            default -> breaker.releasePermission();
        }
    }

    private boolean isRetryable(AttemptOutcome.Failed failed) {
        return policies.errorClassifier().classify(failed.error(), failed.verdict()) == ErrorClassification.RETRYABLE;
    }

    private void report(AttemptContext context, AttemptOutcome outcome) {
        ClaimedTask task = context.task();
        if (!(outcome instanceof AttemptOutcome.Stopped)) {
            context.progress().flush();
        }
        switch (outcome) {
            case AttemptOutcome.Succeeded succeeded ->
                lifecycle.succeed(task.taskId(), task.attempt(), succeeded.result());
            case AttemptOutcome.Failed failed ->
                lifecycle.fail(
                        task.taskId(),
                        task.attempt(),
                        new AttemptFailure(
                                failed.error(),
                                failed.verdict(),
                                breakers.of(task.provider())
                                        .map(ProviderBreakers::stateOf)
                                        .orElse(null),
                                failed.retryAfter()));
            case AttemptOutcome.TimedOut ignored -> {
                String reason = "attempt ran longer than its timeout of " + task.timeoutSeconds() + " s";
                lifecycle.timeOut(task.taskId(), task.attempt(), reason);
            }
            case AttemptOutcome.Stalled stalled ->
                lifecycle.fail(
                        task.taskId(),
                        task.attempt(),
                        new AttemptFailure(
                                TaskError.of(AttemptOutcome.Stalled.ERROR_TYPE, stalled.reason()),
                                ErrorClassification.RETRYABLE,
                                null,
                                null));
            case AttemptOutcome.CircuitOpen ignored -> {
                String reason =
                        "circuit breaker for provider " + task.provider() + " is open; the attempt was not made";
                breakers.noteOpen(task.taskId(), task.provider());
                lifecycle.fail(
                        task.taskId(),
                        task.attempt(),
                        new AttemptFailure(TaskError.of("circuit_open", reason), null, CircuitState.OPEN, null));
            }
            case AttemptOutcome.Stopped ignored ->
                context.log().warning("attempt " + task.attempt() + " stopped: " + context.stopReason());
        }
    }
}
