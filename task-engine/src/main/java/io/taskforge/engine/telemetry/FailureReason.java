package io.taskforge.engine.telemetry;

import io.taskforge.task.CircuitState;
import io.taskforge.task.ErrorClassification;
import io.taskforge.task.event.FailureExplainedEvent;
import java.util.Locale;

/** Why a task was given up, in one word a metric can be tagged with. */
enum FailureReason {
    PERMANENT_ERROR,
    RETRIES_EXHAUSTED,
    CIRCUIT_OPEN,
    FALLBACK_EXHAUSTED,
    ESCALATED,
    TIMED_OUT;

    static FailureReason of(FailureExplainedEvent event) {
        if (event.fallback() != null) {
            return event.fallback().escalated() ? ESCALATED : FALLBACK_EXHAUSTED;
        }
        if (event.classification() == ErrorClassification.PERMANENT) {
            return PERMANENT_ERROR;
        }
        if (event.circuitState() == CircuitState.OPEN
                && event.attempts() < event.retry().maxAttempts()) {
            return CIRCUIT_OPEN;
        }
        return RETRIES_EXHAUSTED;
    }

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
