package io.taskforge.engine.logs;

import io.taskforge.task.ErrorClassification;
import io.taskforge.task.TaskError;
import io.taskforge.task.event.AttemptFailedEvent;
import io.taskforge.task.event.AttemptStartedEvent;
import io.taskforge.task.event.AttemptSucceededEvent;
import io.taskforge.task.event.CircuitBreakerOpenedEvent;
import io.taskforge.task.event.MovedToDlqEvent;
import io.taskforge.task.event.TaskCancelledEvent;
import io.taskforge.task.event.TaskEvent;
import io.taskforge.task.event.TaskFailedEvent;
import io.taskforge.task.event.TaskRequeuedEvent;
import io.taskforge.task.event.TaskRetryScheduledEvent;
import io.taskforge.task.event.TaskTimedOutEvent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine writes into a task's log for each event of the task's life. Creation, progress
 * and completion show in the task itself; the log tells what happened to its attempts and why.
 */
final class EngineLogLines {

    private EngineLogLines() {}

    static Optional<EngineLogLine> of(TaskEvent event) {
        return Optional.ofNullable(
                switch (event) {
                    case AttemptStartedEvent started ->
                        new EngineLogLine(
                                started.attempt(),
                                EngineLogLine.INFO,
                                "attempt " + started.attempt() + " started on " + started.workerId(),
                                Map.of("worker_id", started.workerId()));
                    case AttemptSucceededEvent succeeded ->
                        new EngineLogLine(
                                succeeded.attempt(),
                                EngineLogLine.INFO,
                                "attempt " + succeeded.attempt() + " succeeded in " + succeeded.durationMillis()
                                        + " ms",
                                Map.of("duration_ms", succeeded.durationMillis()));
                    case AttemptFailedEvent failed -> attemptFailed(failed);
                    case TaskRetryScheduledEvent retry ->
                        new EngineLogLine(
                                retry.failedAttempt(),
                                EngineLogLine.INFO,
                                "attempt " + retry.nextAttempt() + " scheduled in " + retry.delayMillis() + " ms: "
                                        + retry.reason(),
                                Map.of("due_at", retry.dueAt().toString()));
                    case CircuitBreakerOpenedEvent opened ->
                        new EngineLogLine(
                                null,
                                EngineLogLine.WARNING,
                                "the circuit breaker of provider " + opened.provider()
                                        + " opened: no attempt is made while it stays open",
                                Map.of("provider", opened.provider()));
                    case TaskFailedEvent failedForGood ->
                        new EngineLogLine(
                                null,
                                EngineLogLine.ERROR,
                                "failed after " + failedForGood.attempts() + " attempt(s): " + failedForGood.reason(),
                                errorContext(failedForGood.error()));
                    case TaskTimedOutEvent timedOut ->
                        new EngineLogLine(
                                null,
                                EngineLogLine.ERROR,
                                "timed out after " + timedOut.attempts() + " attempt(s)",
                                Map.of());
                    case MovedToDlqEvent moved ->
                        new EngineLogLine(
                                null,
                                EngineLogLine.ERROR,
                                "moved to the dead letter queue: " + moved.reason(),
                                Map.of(
                                        "alert_severity",
                                        moved.alertSeverity().name().toLowerCase(Locale.ROOT)));
                    case TaskCancelledEvent cancelled ->
                        new EngineLogLine(
                                null,
                                EngineLogLine.WARNING,
                                "cancelled by " + cancelled.cancelledBy() + ": " + cancelled.reason(),
                                Map.of(
                                        "previous_status",
                                        cancelled.previousStatus().name().toLowerCase(Locale.ROOT)));
                    case TaskRequeuedEvent requeued ->
                        new EngineLogLine(
                                null,
                                EngineLogLine.INFO,
                                "requeued by " + requeued.requestedBy(),
                                Map.of(
                                        "previous_status",
                                        requeued.previousStatus().name().toLowerCase(Locale.ROOT)));
                    default -> null;
                });
    }

    private static EngineLogLine attemptFailed(AttemptFailedEvent failed) {
        Map<String, Object> context = new LinkedHashMap<>(errorContext(failed.error()));
        context.put("classification", failed.classification().name().toLowerCase(Locale.ROOT));
        if (failed.circuitState() != null) {
            context.put("circuit_state", failed.circuitState().name().toLowerCase(Locale.ROOT));
        }
        return new EngineLogLine(
                failed.attempt(),
                failed.classification() == ErrorClassification.RETRYABLE ? EngineLogLine.WARNING : EngineLogLine.ERROR,
                "attempt " + failed.attempt() + " failed after " + failed.durationMillis() + " ms: "
                        + failed.error().type() + ": " + failed.error().message(),
                context);
    }

    private static Map<String, Object> errorContext(TaskError error) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("error_type", error.type());
        if (error.httpStatus() != null) {
            context.put("http_status", error.httpStatus());
        }
        return context;
    }
}
