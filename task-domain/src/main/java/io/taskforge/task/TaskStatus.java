package io.taskforge.task;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Where a task stands in its life cycle. */
public enum TaskStatus {
    PENDING,
    RUNNING,
    RETRY_SCHEDULED,
    COMPLETED,
    FAILED,
    TIMEOUT,
    CANCELLED;

    /** Finished: no more attempts run unless someone requeues the task. */
    public static final Set<TaskStatus> FINISHED = Set.copyOf(EnumSet.of(COMPLETED, FAILED, TIMEOUT, CANCELLED));

    /** Not finished: waiting for an attempt or running one. */
    public static final Set<TaskStatus> UNFINISHED = Set.copyOf(EnumSet.complementOf(EnumSet.copyOf(FINISHED)));

    /** Waiting for an attempt: due now, or at a retry's due time. */
    public static final Set<TaskStatus> WAITING = Set.copyOf(EnumSet.of(PENDING, RETRY_SCHEDULED));

    /** Ended without success, by a failure or a time-out (cancelled tasks are not among them). */
    public static final Set<TaskStatus> FAILED_OR_TIMED_OUT = Set.copyOf(EnumSet.of(FAILED, TIMEOUT));

    public boolean isFinished() {
        return FINISHED.contains(this);
    }

    public boolean isWaiting() {
        return WAITING.contains(this);
    }

    public boolean isFailedOrTimedOut() {
        return FAILED_OR_TIMED_OUT.contains(this);
    }

    /** The lower-case word clients see, such as {@code retry_scheduled}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
