package io.taskforge.engine.execution;

import io.taskforge.task.ErrorClassification;
import io.taskforge.task.TaskError;
import java.time.Duration;
import java.util.Map;

/** How one attempt ended, as the runner saw it. */
sealed interface AttemptOutcome {

    record Succeeded(Map<String, Object> result) implements AttemptOutcome {}

    record Failed(TaskError error, ErrorClassification verdict, Duration retryAfter) implements AttemptOutcome {}

    record TimedOut() implements AttemptOutcome {}

    /** The attempt stopped reporting liveness and was stopped, to be retried. */
    record Stalled(String reason) implements AttemptOutcome {

        static final String ERROR_TYPE = "stalled";
    }

    /** The provider's breaker was open, so the attempt was not made. */
    record CircuitOpen() implements AttemptOutcome {}

    /** Stopped from outside (cancelled, or no longer assigned here): nothing to report. */
    record Stopped() implements AttemptOutcome {}
}
