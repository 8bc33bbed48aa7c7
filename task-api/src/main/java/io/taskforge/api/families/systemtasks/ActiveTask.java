package io.taskforge.api.families.systemtasks;

import io.taskforge.engine.execution.ReportedLiveness;
import io.taskforge.engine.execution.Stall;
import io.taskforge.task.query.TaskView;
import java.time.Duration;
import java.time.Instant;

/**
 * A running task in seed 000's list of active tasks.
 *
 * @param id the task's number (null for a task created before tasks had numbers)
 * @param taskId the task's id
 * @param runningForSeconds seconds since the task started running, to one decimal
 * @param stall why the task is not moving, when stall detection says so; null otherwise
 * @param liveness what a task that reports liveness instead of progress (a hardware loop) last said
 *     about itself; null for other tasks
 */
record ActiveTask(
        Long id,
        String taskId,
        String category,
        String description,
        Instant createdAt,
        double runningForSeconds,
        StallBody stall,
        LivenessBody liveness) {

    /** A stall: {@code no_progress} (the runner heartbeats, progress is frozen) or {@code runner_gone}. */
    record StallBody(String kind, String reason, Instant since) {}

    /**
     * A liveness report: {@code status} says how far the task got ("1200 frames rendered"),
     * {@code reported_at} when, and {@code stalled_from} when it counts as stalled without another.
     */
    record LivenessBody(String status, Instant reportedAt, Instant stalledFrom) {}

    static ActiveTask of(TaskView view, Stall stall, ReportedLiveness liveness, Instant now) {
        Instant started = view.startedAt() != null ? view.startedAt() : view.createdAt();
        double seconds = Math.max(0, Duration.between(started, now).toMillis()) / 1000.0;
        return new ActiveTask(
                view.number(),
                view.taskId().toString(),
                view.category().name(),
                view.description(),
                view.createdAt(),
                Math.round(seconds * 10) / 10.0,
                stall == null ? null : new StallBody(stall.kind(), stall.reason(), stall.since()),
                liveness == null
                        ? null
                        : new LivenessBody(liveness.status(), liveness.reportedAt(), liveness.stalledFrom()));
    }
}
