package io.taskforge.task;

import java.util.Locale;

/** Where a task stands in its life cycle. */
public enum TaskStatus {
    PENDING,
    RUNNING,
    RETRY_SCHEDULED,
    COMPLETED,
    FAILED,
    TIMEOUT,
    CANCELLED;

    /** A finished task runs no more attempts unless someone requeues it. */
    public boolean isFinished() {
        return switch (this) {
            case COMPLETED, FAILED, TIMEOUT, CANCELLED -> true;
            case PENDING, RUNNING, RETRY_SCHEDULED -> false;
        };
    }

    /** The lower-case word clients see, such as {@code retry_scheduled}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
