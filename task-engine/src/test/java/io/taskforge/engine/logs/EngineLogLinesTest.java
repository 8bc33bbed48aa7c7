package io.taskforge.engine.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskforge.task.CircuitState;
import io.taskforge.task.ErrorClassification;
import io.taskforge.task.RetrySettings;
import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
import io.taskforge.task.event.AttemptFailedEvent;
import io.taskforge.task.event.AttemptStartedEvent;
import io.taskforge.task.event.AttemptSucceededEvent;
import io.taskforge.task.event.CircuitBreakerOpenedEvent;
import io.taskforge.task.event.MovedToDlqEvent;
import io.taskforge.task.event.TaskCancelledEvent;
import io.taskforge.task.event.TaskEvent;
import io.taskforge.task.event.TaskFailedEvent;
import io.taskforge.task.event.TaskProgressedEvent;
import io.taskforge.task.event.TaskRequeuedEvent;
import io.taskforge.task.event.TaskRetryScheduledEvent;
import io.taskforge.task.event.TaskStartedEvent;
import io.taskforge.task.event.TaskTimedOutEvent;
import io.taskforge.task.policy.AlertSeverity;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EngineLogLinesTest {

    private static final TaskId TASK = TaskId.random();
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    private static final TaskDefinition NOOP = new TaskDefinition(
            "noop", null, null, Map.of(), Map.of(), null, 0, 60, RetrySettings.DEFAULT, null, null, null, null);
    private static final TaskError DECLINED = new TaskError("http_error", "payment declined", 402);

    static Stream<Arguments> lines() {
        return Stream.of(
                line(
                        new AttemptStartedEvent(TASK, 2, "node-a:3", NOW.plusSeconds(60), NOW),
                        new EngineLogLine(2, "info", "attempt 2 started on node-a:3", Map.of("worker_id", "node-a:3"))),
                line(
                        new AttemptSucceededEvent(TASK, 1, Map.of(), 420, NOW),
                        new EngineLogLine(1, "info", "attempt 1 succeeded in 420 ms", Map.of("duration_ms", 420L))),
                line(
                        new AttemptFailedEvent(
                                TASK, 1, DECLINED, ErrorClassification.RETRYABLE, CircuitState.CLOSED, 35, NOW),
                        new EngineLogLine(
                                1,
                                "warning",
                                "attempt 1 failed after 35 ms: http_error: payment declined",
                                Map.of(
                                        "error_type", "http_error",
                                        "http_status", 402,
                                        "classification", "retryable",
                                        "circuit_state", "closed"))),
                line(
                        new AttemptFailedEvent(TASK, 3, DECLINED, ErrorClassification.PERMANENT, null, 35, NOW),
                        new EngineLogLine(
                                3,
                                "error",
                                "attempt 3 failed after 35 ms: http_error: payment declined",
                                Map.of("error_type", "http_error", "http_status", 402, "classification", "permanent"))),
                line(
                        new TaskRetryScheduledEvent(
                                TASK, 1, 2, 1500, NOW.plusMillis(1500), "retryable error: http_error", NOW),
                        new EngineLogLine(
                                1,
                                "info",
                                "attempt 2 scheduled in 1500 ms: retryable error: http_error",
                                Map.of("due_at", "2026-11-22T08:00:01.500Z"))),
                line(
                        new CircuitBreakerOpenedEvent(TASK, "payments", NOW),
                        new EngineLogLine(
                                null,
                                "warning",
                                "the circuit breaker of provider payments opened: no attempt is made while it stays"
                                        + " open",
                                Map.of("provider", "payments"))),
                line(
                        new TaskFailedEvent(TASK, DECLINED, 3, "retries exhausted", NOW),
                        new EngineLogLine(
                                null,
                                "error",
                                "failed after 3 attempt(s): retries exhausted",
                                Map.of("error_type", "http_error", "http_status", 402))),
                line(
                        new TaskTimedOutEvent(TASK, 2, NOW),
                        new EngineLogLine(null, "error", "timed out after 2 attempt(s)", Map.of())),
                line(
                        new MovedToDlqEvent(
                                TASK,
                                "http",
                                "payments",
                                DECLINED,
                                3,
                                "retries exhausted",
                                AlertSeverity.Level.CRITICAL,
                                NOW),
                        new EngineLogLine(
                                null,
                                "error",
                                "moved to the dead letter queue: retries exhausted",
                                Map.of("alert_severity", "critical"))),
                line(
                        new TaskCancelledEvent(TASK, "not needed", "operator-1", TaskStatus.RUNNING, NOW),
                        new EngineLogLine(
                                null,
                                "warning",
                                "cancelled by operator-1: not needed",
                                Map.of("previous_status", "running"))),
                line(
                        new TaskRequeuedEvent(TASK, "admin-1", TaskStatus.FAILED, 2, NOOP, NOW.minusSeconds(60), NOW),
                        new EngineLogLine(null, "info", "requeued by admin-1", Map.of("previous_status", "failed"))));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void writes_a_line_for_each_turn_of_a_task(TaskEvent event, EngineLogLine expected) {
        assertThat(EngineLogLines.of(event)).contains(expected);
    }

    static Stream<TaskEvent> silentEvents() {
        return Stream.of(
                new TaskStartedEvent(TASK, RetrySettings.DEFAULT, 60, NOW),
                new TaskProgressedEvent(TASK, 1, 40, "halfway", NOW));
    }

    @ParameterizedTest
    @MethodSource("silentEvents")
    void leaves_to_the_task_itself_what_it_shows_anyway(TaskEvent event) {
        assertThat(EngineLogLines.of(event)).isEmpty();
    }

    private static Arguments line(TaskEvent event, EngineLogLine expected) {
        return Arguments.of(event, expected);
    }
}
