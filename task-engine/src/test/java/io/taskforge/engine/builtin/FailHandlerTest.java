package io.taskforge.engine.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.taskforge.handler.InvalidTaskInputException;
import io.taskforge.handler.PermanentTaskException;
import io.taskforge.handler.RetryableTaskException;
import io.taskforge.handler.TaskFailureException;
import io.taskforge.task.ErrorClassification;
import io.taskforge.task.TaskError;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FailHandlerTest {

    private final FailHandler handler = new FailHandler();

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void fails_every_attempt_when_times_is_absent(int attempt) {
        assertThatThrownBy(() -> handler.execute(new RecordingTaskContext(Map.of()).attempt(attempt)))
                .isInstanceOf(TaskFailureException.class);
    }

    @Test
    void fails_the_first_times_attempts_then_succeeds() throws Exception {
        Map<String, Object> input = Map.of("times", 2);

        assertThatThrownBy(() -> handler.execute(new RecordingTaskContext(input).attempt(1)))
                .isInstanceOf(TaskFailureException.class);
        assertThatThrownBy(() -> handler.execute(new RecordingTaskContext(input).attempt(2)))
                .isInstanceOf(TaskFailureException.class);
        assertThat(handler.execute(new RecordingTaskContext(input).attempt(3)))
                .isEqualTo(Map.of("succeeded_on_attempt", 3));
    }

    @Test
    void succeeds_at_once_when_times_is_zero() throws Exception {
        assertThat(handler.execute(new RecordingTaskContext(Map.of("times", 0))))
                .isEqualTo(Map.of("succeeded_on_attempt", 1));
    }

    @Test
    void fails_retryably_when_asked() {
        RecordingTaskContext context = new RecordingTaskContext(
                Map.of("error_type", "network_error", "message", "link down", "retryable", true));

        RetryableTaskException failure =
                catchThrowableOfType(RetryableTaskException.class, () -> handler.execute(context));

        assertThat(failure.error()).isEqualTo(new TaskError("network_error", "link down", null));
        assertThat(failure.verdict()).isEqualTo(ErrorClassification.RETRYABLE);
    }

    @Test
    void fails_permanently_when_asked() {
        RecordingTaskContext context =
                new RecordingTaskContext(Map.of("error_type", "auth_failure", "retryable", false));

        PermanentTaskException failure =
                catchThrowableOfType(PermanentTaskException.class, () -> handler.execute(context));

        assertThat(failure.error().type()).isEqualTo("auth_failure");
        assertThat(failure.verdict()).isEqualTo(ErrorClassification.PERMANENT);
    }

    @Test
    void leaves_the_verdict_to_the_engine_without_retryable_and_names_the_attempt_by_default() {
        RecordingTaskContext context = new RecordingTaskContext(Map.of()).attempt(2);

        TaskFailureException failure = catchThrowableOfType(TaskFailureException.class, () -> handler.execute(context));

        assertThat(failure).isExactlyInstanceOf(TaskFailureException.class);
        assertThat(failure.verdict()).isNull();
        assertThat(failure.error())
                .isEqualTo(new TaskError("simulated_failure", "simulated failure on attempt 2", null));
    }

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                Arguments.of(Map.of("retryable", "yes"), "input.retryable must be true or false"),
                Arguments.of(Map.of("times", -1), "input.times must be a whole number from 0"),
                Arguments.of(Map.of("times", 1.5), "input.times"),
                Arguments.of(Map.of("times", "2"), "input.times"),
                Arguments.of(Map.of("error_type", 42), "input.error_type must be a non-empty string"),
                Arguments.of(Map.of("error_type", " "), "input.error_type must be a non-empty string"),
                Arguments.of(Map.of("message", Map.of()), "input.message must be a non-empty string"));
    }

    @ParameterizedTest
    @MethodSource("invalidInputs")
    void refuses_invalid_input(Map<String, Object> input, String message) {
        assertThatThrownBy(() -> handler.validate(input))
                .isInstanceOf(InvalidTaskInputException.class)
                .hasMessageContaining(message);
    }

    @Test
    void accepts_the_documented_example() {
        assertThatCode(() -> handler.validate(
                        Map.of("error_type", "network_error", "message", "m", "retryable", true, "times", 2)))
                .doesNotThrowAnyException();
    }
}
