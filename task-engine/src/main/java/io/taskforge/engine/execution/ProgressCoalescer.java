package io.taskforge.engine.execution;

import io.taskforge.task.TaskId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Turns a handler's stream of progress reports into at most one recorded update per interval,
 * keeping the latest; the final value is always recorded when the attempt ends.
 */
final class ProgressCoalescer {

    private record Progress(int percent, String message) {}

    /** Where recorded progress goes. */
    @FunctionalInterface
    interface Recorder {
        void record(TaskId taskId, int attempt, int percent, String message);
    }

    private final TaskId taskId;
    private final int attempt;
    private final Duration interval;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Recorder recorder;
    private Progress latest;
    private Progress recorded;
    private Instant recordedAt = Instant.MIN;
    private ScheduledFuture<?> pendingFlush;

    ProgressCoalescer(
            TaskId taskId,
            int attempt,
            Duration interval,
            Clock clock,
            ScheduledExecutorService scheduler,
            Recorder recorder) {
        this.taskId = taskId;
        this.attempt = attempt;
        this.interval = interval;
        this.clock = clock;
        this.scheduler = scheduler;
        this.recorder = recorder;
    }

    synchronized void report(int percent, String message) {
        latest = new Progress(percent, message);
        Instant nextAllowed = recordedAt.plus(interval);
        Instant now = clock.instant();
        if (!now.isBefore(nextAllowed)) {
            recordLatest(now);
        } else if (pendingFlush == null) {
            long delay = Duration.between(now, nextAllowed).toMillis();
            pendingFlush = scheduler.schedule(this::flushScheduled, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Records the latest value if it was not recorded yet; called when the attempt ends. */
    synchronized void flush() {
        if (pendingFlush != null) {
            pendingFlush.cancel(false);
        }
        flushScheduled();
    }

    private synchronized void flushScheduled() {
        pendingFlush = null;
        if (latest != null && !latest.equals(recorded)) {
            recordLatest(clock.instant());
        }
    }

    private void recordLatest(Instant now) {
        recorded = latest;
        recordedAt = now;
        recorder.record(taskId, attempt, latest.percent(), latest.message());
    }
}
