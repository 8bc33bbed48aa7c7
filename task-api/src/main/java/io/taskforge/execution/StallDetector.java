package io.taskforge.execution;

import io.taskforge.queue.RunningTask;
import io.taskforge.queue.TaskQueue;
import io.taskforge.queue.WaitingType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Tells apart the three ways work can stall, each with its own reason. */
@Component
public class StallDetector {

    private final TaskQueue queue;
    private final ExecutionProperties properties;
    private final Clock clock;

    StallDetector(TaskQueue queue, ExecutionProperties properties, Clock clock) {
        this.queue = queue;
        this.properties = properties;
        this.clock = clock;
    }

    public List<Stall> stalls() {
        Instant now = clock.instant();
        return classify(
                queue.waitingSince(now.minus(properties.noRunnerStallAfter())),
                queue.running(),
                now,
                properties.noProgressStallAfter());
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
        Instant lastMove = task.progressAt() != null ? task.progressAt() : task.startedAt();
        if (lastMove != null && lastMove.isBefore(now.minus(noProgressAfter))) {
            String reason = "runner alive but no progress: worker " + task.workerId()
                    + " heartbeats, progress unchanged for " + seconds(lastMove, now) + " s";
            return Optional.of(new Stall(Stall.NO_PROGRESS, task.type(), task.taskId(), reason, lastMove));
        }
        return Optional.empty();
    }

    private static long seconds(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds();
    }
}
