package io.taskforge.engine.execution;

import io.taskforge.engine.queue.RunningTask;
import io.taskforge.engine.queue.TaskQueue;
import io.taskforge.engine.queue.WaitingType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Tells apart the three ways work can stall, each with its own reason. The answer is reused for a
 * second, so dashboards polling often cost the queue one look a second at most.
 */
@Component
public class StallDetector {

    private static final Duration REUSE_FOR = Duration.ofSeconds(1);

    private final TaskQueue queue;
    private final ExecutionProperties properties;
    private final Clock clock;
    private volatile Snapshot last = new Snapshot(Instant.MIN, Stalls.NONE);

    private record Snapshot(Instant takenAt, Stalls stalls) {}

    StallDetector(TaskQueue queue, ExecutionProperties properties, Clock clock) {
        this.queue = queue;
        this.properties = properties;
        this.clock = clock;
    }

    public Stalls stalls() {
        Instant now = clock.instant();
        Snapshot snapshot = last;
        if (now.isBefore(snapshot.takenAt().plus(REUSE_FOR))) {
            return snapshot.stalls();
        }
        Stalls stalls = new Stalls(classify(
                queue.waitingSince(now.minus(properties.noRunnerStallAfter())),
                queue.possiblyStalled(now, now.minus(properties.noProgressStallAfter())),
                now,
                properties.noProgressStallAfter()));
        last = new Snapshot(now, stalls);
        return stalls;
    }

    /**
     * The stalls among the given queue rows.
     *
     * @param waiting due work per type that has waited past the no-runner threshold
     * @param running every running attempt
     */
    static List<Stall> classify(
            List<WaitingType> waiting, List<RunningTask> running, Instant now, Duration noProgressAfter) {
        List<Stall> stalls = new ArrayList<>();
        waiting.stream()
                .filter(type -> type.running() == 0)
                .map(type -> noRunner(type, now))
                .forEach(stalls::add);
        running.stream()
                .map(task -> stallOf(task, now, noProgressAfter))
                .flatMap(Optional::stream)
                .forEach(stalls::add);
        return stalls;
    }

    private static Stall noRunner(WaitingType type, Instant now) {
        String reason = "no runner available for type " + type.type() + ": " + type.waiting()
                + " task(s) due, the oldest waiting " + seconds(type.oldestDueAt(), now) + " s";
        return new Stall(Stall.NO_RUNNER, type.type(), null, reason, type.oldestDueAt());
    }

    private static Optional<Stall> stallOf(RunningTask task, Instant now, Duration noProgressAfter) {
        if (task.leaseUntil() != null && task.leaseUntil().isBefore(now)) {
            String reason = "runner gone: worker " + task.workerId() + " has not renewed its lease for "
                    + seconds(task.leaseUntil(), now) + " s";
            return Optional.of(new Stall(Stall.RUNNER_GONE, task.type(), task.taskId(), reason, task.leaseUntil()));
        }
        if (task.aliveUntil() != null) {
            return task.aliveUntil().isBefore(now) ? Optional.of(silent(task, now)) : Optional.empty();
        }
        Instant lastMove = task.progressAt() != null ? task.progressAt() : task.startedAt();
        if (lastMove != null && lastMove.isBefore(now.minus(noProgressAfter))) {
            String reason = "runner alive but no progress: worker " + task.workerId()
                    + " heartbeats, progress unchanged for " + seconds(lastMove, now) + " s";
            return Optional.of(new Stall(Stall.NO_PROGRESS, task.type(), task.taskId(), reason, lastMove));
        }
        return Optional.empty();
    }

    private static Stall silent(RunningTask task, Instant now) {
        String reason = "runner alive but no progress: worker " + task.workerId()
                + " heartbeats, but the attempt has reported no liveness for " + seconds(task.aliveAt(), now)
                + " s (last: " + (task.aliveStatus() == null ? "nothing reported" : task.aliveStatus()) + ")";
        return new Stall(Stall.NO_PROGRESS, task.type(), task.taskId(), reason, task.aliveAt());
    }

    private static long seconds(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds();
    }
}
