package io.taskforge.engine.execution;

import io.taskforge.engine.queue.AliveReport;
import io.taskforge.task.StorableText;
import io.taskforge.task.TaskId;
import java.time.Duration;
import java.time.Instant;

/**
 * The liveness an attempt promised to report ({@link io.taskforge.handler.TaskContext#watchLiveness}):
 * when it last reported, how far it got, and how long a silence may last before it is stalled and
 * before it is restarted.
 */
final class LivenessWatch {

    static final int MAX_STATUS_CHARS = 200;

    private final Duration stallAfter;
    private final Duration restartAfter;
    private volatile Instant aliveAt;
    private volatile String status;

    LivenessWatch(Duration stallAfter, Duration restartAfter, Instant now) {
        if (stallAfter.isNegative() || stallAfter.isZero() || restartAfter.isNegative()) {
            throw new IllegalArgumentException("stallAfter must be positive and restartAfter not negative");
        }
        this.stallAfter = stallAfter;
        this.restartAfter = restartAfter;
        this.aliveAt = now;
    }

    void alive(String status, Instant now) {
        this.status = status;
        this.aliveAt = now;
    }

    AliveReport report(TaskId taskId, int attempt) {
        Instant at = aliveAt;
        return new AliveReport(taskId, attempt, at, at.plus(stallAfter), StorableText.clean(status, MAX_STATUS_CHARS));
    }

    /** Whether the attempt has been stalled so long that it is to be stopped and retried. */
    boolean restartDue(Instant now) {
        return now.isAfter(aliveAt.plus(stallAfter).plus(restartAfter));
    }

    /** Why the attempt is being restarted. */
    String restartReason(Instant now) {
        return "no liveness report for " + Duration.between(aliveAt, now).toSeconds() + " s (stalled after "
                + stallAfter.toSeconds() + " s, restarted after " + restartAfter.toSeconds() + " s more); last: "
                + (status == null ? "nothing reported" : status);
    }
}
