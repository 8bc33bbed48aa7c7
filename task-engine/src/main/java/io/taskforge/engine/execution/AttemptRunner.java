package io.taskforge.engine.execution;

import io.taskforge.engine.logs.TaskLogStore;
import io.taskforge.engine.queue.ClaimedTask;
import io.taskforge.engine.queue.QueueSignal;
import io.taskforge.handler.TaskHandler;
import io.taskforge.task.ErrorClassification;
import io.taskforge.task.TaskError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Runs claimed tasks on this node: starts each attempt through the {@link AttemptLifecycle} (the
 * aggregate refuses a second start of the same attempt), runs the handler under the attempt's
 * deadline and the provider's circuit breaker, and reports the outcome through the same port. Its
 * internal workers ({@link WorkerSlots}) can be resized, stopped and started while it runs.
 */
@Component
class AttemptRunner {

    private final TaskHandlers handlers;
    private final AttemptLifecycle lifecycle;
    private final QueueSignal signal;
    private final RunningAttempts running;
    private final ProviderBreakers breakers;
    private final TaskLogStore logs;
    private final ExecutionProperties properties;
    private final WorkerIdentity worker;
    private final Clock clock;
    private final WorkerSlots slots;
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
            ExecutionProperties properties,
            WorkerIdentity worker,
            Clock clock) {
        this.handlers = handlers;
        this.lifecycle = lifecycle;
        this.signal = signal;
        this.running = running;
        this.breakers = breakers;
        this.logs = logs;
        this.properties = properties;
        this.worker = worker;
        this.clock = clock;
        this.slots = new WorkerSlots(properties.workers(), properties.enabled());
    }

    /**
     * How many more claims this node should take: one per free slot, and as many again so that the
     * next attempts are at hand when running ones finish; none while the pool is stopped.
     */
    int wants() {
        return slots.running() ? slots.free() + slots.size() - backlog.size() : 0;
    }

    InternalPoolStatus status() {
        return new InternalPoolStatus(slots.running(), slots.size(), slots.snapshot(worker.id()));
    }

    /** Sets the number of internal workers; returns the previous one. */
    int resize(int size) {
        int previous = slots.resize(size);
        if (size < previous) {
            handBackClaims();
        }
        startWhatFits();
        signal.wake();
        return previous;
    }

    /**
     * Stops or starts taking work; returns whether the pool was running. Stopping hands the claimed
     * but unstarted tasks back to the queue and lets running attempts finish.
     */
    boolean run(boolean run) {
        boolean was = slots.run(run);
        if (run) {
            startWhatFits();
            signal.wake();
        } else {
            handBackClaims();
        }
        return was;
    }

    private void handBackClaims() {
        backlog.takeAll().forEach(task -> lifecycle.release(task.taskId(), worker.id()));
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
        while (true) {
            Integer slot = slots.acquire();
            if (slot == null) {
                return;
            }
            ClaimedTask next = backlog.poll();
            if (next == null) {
                slots.release(slot);
                return;
            }
            slots.assign(slot, next);
            threads.execute(() -> {
                try {
                    run(next);
                } finally {
                    slots.release(slot);
                    startWhatFits();
                    if (backlog.size() <= slots.size() / 2) {
                        signal.wake();
                    }
                }
            });
        }
    }

    /** Stops taking work; attempts still running after the grace period are interrupted and left to the lease. */
    void shutdown(Duration grace) throws InterruptedException {
        handBackClaims();
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
        if (!breakers.admits(context.task())) {
            return new AttemptOutcome.CircuitOpen();
        }
        long started = System.nanoTime();
        AttemptOutcome outcome = await(context, threads.submit(() -> handler.execute(context)));
        breakers.record(context.task().provider(), outcome, System.nanoTime() - started);
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
                                breakers.stateFor(task.provider()),
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
            case AttemptOutcome.CircuitOpen ignored -> breakers.failNotAdmitted(task);
            case AttemptOutcome.Stopped ignored ->
                context.log().warning("attempt " + task.attempt() + " stopped: " + context.stopReason());
        }
    }
}
