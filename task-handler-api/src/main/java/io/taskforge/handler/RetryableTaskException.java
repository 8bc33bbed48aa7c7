package io.taskforge.handler;

import io.taskforge.task.ErrorClassification;
import java.time.Duration;

/** A failure worth retrying, optionally with the provider's requested wait (Retry-After). */
public class RetryableTaskException extends TaskFailureException {

    private final Duration retryAfter;

    public RetryableTaskException(String errorType, String message, Integer httpStatus, Duration retryAfter) {
        super(errorType, message, httpStatus, ErrorClassification.RETRYABLE);
        this.retryAfter = retryAfter;
    }

    public RetryableTaskException(String errorType, String message) {
        this(errorType, message, null, null);
    }

    /** The wait the provider asked for, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
