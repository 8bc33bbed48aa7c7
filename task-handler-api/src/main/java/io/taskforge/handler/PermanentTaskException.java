package io.taskforge.handler;

import io.taskforge.task.ErrorClassification;

/** A failure that no retry can fix, such as a rejected request. */
public class PermanentTaskException extends TaskFailureException {

    public PermanentTaskException(String errorType, String message, Integer httpStatus) {
        super(errorType, message, httpStatus, ErrorClassification.PERMANENT);
    }

    public PermanentTaskException(String errorType, String message) {
        this(errorType, message, null);
    }
}
