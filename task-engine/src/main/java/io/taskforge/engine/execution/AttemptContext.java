package io.taskforge.engine.execution;

import io.taskforge.engine.queue.AliveReport;
import io.taskforge.engine.queue.ClaimedTask;
import io.taskforge.handler.TaskContext;
import io.taskforge.handler.TaskLog;
import io.taskforge.task.TaskId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link TaskContext} of one running attempt, and the switch that stops it. */
final class AttemptContext implements TaskContext {

    private static final Logger log = LoggerFactory.getLogger(AttemptContext.class);

    /** Why an attempt was stopped from outside. */
    enum StopReason {
        CANCELLED,
        TIMED_OUT,
        NOT_ASSIGNED_HERE,
        /** It stopped reporting liveness for longer than it allowed itself. */
        STALLED
    }

    private final ClaimedTask task;
    private final Instant deadline;
    private final ProgressCoalescer progress;
    private final TaskLog taskLog;
    private final Clock clock;
    private final List<Runnable> onStop = new ArrayList<>();
    private volatile StopReason stopReason;
    private volatile String stopDetail;
    private volatile LivenessWatch liveness;

    AttemptContext(ClaimedTask task, Instant deadline, ProgressCoalescer progress, TaskLog taskLog, Clock clock) {
        this.task = task;
        this.deadline = deadline;
        this.progress = progress;
        this.taskLog = taskLog;
        this.clock = clock;
    }

    @Override
    public TaskId taskId() {
        return task.taskId();
    }

    @Override
    public int attempt() {
        return task.attempt();
    }

    @Override
    public Map<String, Object> input() {
        return task.input();
    }

    @Override
    public Map<String, Object> metadata() {
        return task.metadata();
    }

    @Override
    public String provider() {
        return task.provider();
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    @Override
    public void reportProgress(int percent, String message) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("progress must lie between 0 and 100, not " + percent);
        }
        progress.report(percent, message);
    }

    @Override
    public void watchLiveness(Duration stallAfter, Duration restartAfter) {
        liveness = new LivenessWatch(stallAfter, restartAfter, clock.instant());
    }

    @Override
    public void reportAlive(String status) {
        LivenessWatch watch = liveness;
        if (watch == null) {
            throw new IllegalStateException("call watchLiveness before reporting liveness");
        }
        watch.alive(status, clock.instant());
    }

    @Override
    public boolean isCancelled() {
        return stopReason != null;
    }

    @Override
    public void onCancel(Runnable action) {
        synchronized (onStop) {
            if (stopReason == null) {
                onStop.add(action);
                return;
            }
        }
        runQuietly(action);
    }

    @Override
    public TaskLog log() {
        return taskLog;
    }

    ClaimedTask task() {
        return task;
    }

    ProgressCoalescer progress() {
        return progress;
    }

    StopReason stopReason() {
        return stopReason;
    }

    /** What the stop said beyond its reason, such as how long a stalled attempt was silent; may be null. */
    String stopDetail() {
        return stopDetail;
    }

    /** The attempt's latest liveness report, when it watches its liveness. */
    Optional<AliveReport> aliveReport() {
        LivenessWatch watch = liveness;
        return watch == null ? Optional.empty() : Optional.of(watch.report(task.taskId(), task.attempt()));
    }

    /** Stops the attempt as stalled when it has been silent past its restart limit; true when it did. */
    boolean stopIfStalled(Instant now) {
        LivenessWatch watch = liveness;
        if (watch == null || !watch.restartDue(now)) {
            return false;
        }
        stop(StopReason.STALLED, watch.restartReason(now));
        return true;
    }

    /** Stops the attempt: the first reason given wins, and the stop actions run once. */
    void stop(StopReason reason) {
        stop(reason, null);
    }

    private void stop(StopReason reason, String detail) {
        List<Runnable> actions;
        synchronized (onStop) {
            if (stopReason != null) {
                return;
            }
            stopDetail = detail;
            stopReason = reason;
            actions = List.copyOf(onStop);
            onStop.clear();
        }
        actions.forEach(AttemptContext::runQuietly);
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("a cancellation action failed", e);
        }
    }
}
