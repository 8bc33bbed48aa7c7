package io.taskforge.engine.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskforge.task.CircuitState;
import io.taskforge.task.ErrorClassification;
import io.taskforge.task.RetrySettings;
import io.taskforge.task.TaskId;
import io.taskforge.task.event.FailureExplainedEvent;
import io.taskforge.task.recovery.FallbackChainId;
import io.taskforge.task.recovery.FallbackRun;
import io.taskforge.task.recovery.FallbackStrategy;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailureReasonTest {

    private static final RetrySettings THREE = new RetrySettings(3, 100, 1000, 0);
    private static final FallbackRun EXHAUSTED =
            new FallbackRun(FallbackChainId.random(), "c", 1, List.of(FallbackStrategy.RETRY), 1, false);
    private static final FallbackRun ESCALATED =
            new FallbackRun(FallbackChainId.random(), "c", 1, List.of(FallbackStrategy.ESCALATE), 1, true);

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(ErrorClassification.PERMANENT, null, 1, null, FailureReason.PERMANENT_ERROR),
                Arguments.of(ErrorClassification.RETRYABLE, null, 3, null, FailureReason.RETRIES_EXHAUSTED),
                Arguments.of(ErrorClassification.RETRYABLE, CircuitState.OPEN, 1, null, FailureReason.CIRCUIT_OPEN),
                Arguments.of(
                        ErrorClassification.RETRYABLE, CircuitState.OPEN, 3, null, FailureReason.RETRIES_EXHAUSTED),
                Arguments.of(ErrorClassification.RETRYABLE, null, 5, EXHAUSTED, FailureReason.FALLBACK_EXHAUSTED),
                Arguments.of(ErrorClassification.PERMANENT, null, 1, ESCALATED, FailureReason.ESCALATED));
    }

    @ParameterizedTest(name = "{0} {1} after {2} attempts, chain {3} -> {4}")
    @MethodSource("failures")
    void aGivenUpTaskIsTaggedWithWhy(
            ErrorClassification classification,
            CircuitState circuit,
            int attempts,
            FallbackRun fallback,
            FailureReason reason) {
        var event = new FailureExplainedEvent(
                TaskId.random(), classification, circuit, THREE, attempts, fallback, "why", Instant.EPOCH);

        assertThat(FailureReason.of(event)).isEqualTo(reason);
    }
}
