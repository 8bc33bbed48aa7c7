package io.taskforge.handler;

import io.taskforge.task.ErrorClassification;
import io.taskforge.task.TaskError;

/**
 * A failure a handler describes itself: its error type, an HTTP status when there is one, and
 * optionally its own verdict on retrying. Subclasses fix the verdict.
 */
public class TaskFailureException extends Exception {

    private final String errorType;
    private final Integer httpStatus;
    private final ErrorClassification verdict;

    public TaskFailureException(String errorType, String message, Integer httpStatus, ErrorClassification verdict) {
        super(message);
        this.errorType = errorType;
        this.httpStatus = httpStatus;
        this.verdict = verdict;
    }

    public TaskError error() {
        return new TaskError(errorType, getMessage(), httpStatus);
    }

    /** The handler's classification, or null to let the engine decide. */
    public ErrorClassification verdict() {
        return verdict;
    }
}
