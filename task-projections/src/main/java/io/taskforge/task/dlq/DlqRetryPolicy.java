package io.taskforge.task.dlq;

import io.taskforge.task.RetrySettings;

/** The retry policy and budget a dead-lettered task ran under, in the submission's words. */
public record DlqRetryPolicy(int maxAttempts, long baseDelayMs, long maxDelayMs, double jitter) {

    static DlqRetryPolicy of(RetrySettings retry) {
        return new DlqRetryPolicy(retry.maxAttempts(), retry.baseDelayMillis(), retry.maxDelayMillis(), retry.jitter());
    }
}
