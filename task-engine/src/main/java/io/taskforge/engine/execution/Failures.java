package io.taskforge.engine.execution;

import io.taskforge.handler.RetryableTaskException;
import io.taskforge.handler.TaskFailureException;
import io.taskforge.task.TaskError;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

/** Describes what a handler threw as the attempt's failure. */
final class Failures {

    private static final int MAX_MESSAGE_LENGTH = 2_000;

    private Failures() {}

    static AttemptOutcome.Failed of(Throwable thrown) {
        if (thrown instanceof RetryableTaskException retryable) {
            return new AttemptOutcome.Failed(trimmed(retryable.error()), retryable.verdict(), retryable.retryAfter());
        }
        if (thrown instanceof TaskFailureException failure) {
            return new AttemptOutcome.Failed(trimmed(failure.error()), failure.verdict(), null);
        }
        return new AttemptOutcome.Failed(TaskError.of(typeOf(thrown), messageOf(thrown)), null, null);
    }

    private static String typeOf(Throwable thrown) {
        return switch (thrown) {
            case ConnectException ignored -> "connection_error";
            case SocketTimeoutException ignored -> TaskError.TIMEOUT;
            case HttpTimeoutException ignored -> TaskError.TIMEOUT;
            case IOException ignored -> "io_error";
            default -> thrown.getClass().getSimpleName();
        };
    }

    private static String messageOf(Throwable thrown) {
        String message = thrown.getMessage() == null ? thrown.getClass().getName() : thrown.getMessage();
        return trim(message);
    }

    private static TaskError trimmed(TaskError error) {
        return new TaskError(error.type(), trim(error.message()), error.httpStatus());
    }

    private static String trim(String message) {
        return message != null && message.length() > MAX_MESSAGE_LENGTH
                ? message.substring(0, MAX_MESSAGE_LENGTH)
                : message;
    }
}
