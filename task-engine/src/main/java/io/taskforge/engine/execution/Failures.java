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

    private Failures() {}

    static AttemptOutcome.Failed of(Throwable thrown) {
        if (thrown instanceof RetryableTaskException retryable) {
            return new AttemptOutcome.Failed(retryable.error(), retryable.verdict(), retryable.retryAfter());
        }
        if (thrown instanceof TaskFailureException failure) {
            return new AttemptOutcome.Failed(failure.error(), failure.verdict(), null);
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
        return thrown.getMessage() == null ? thrown.getClass().getName() : thrown.getMessage();
    }
}
