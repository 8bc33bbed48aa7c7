package io.taskforge.engine.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskforge.engine.builtin.RecordingTaskContext.Progress;
import io.taskforge.handler.InvalidTaskInputException;
import io.taskforge.handler.PermanentTaskException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SleepHandlerTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(1);

    private final SleepHandler handler = new SleepHandler();

    @Test
    void sleeps_the_whole_time_reporting_progress_after_each_step() throws Exception {
        RecordingTaskContext context = new RecordingTaskContext(Map.of("millis", 200, "steps", 4));
        long started = System.nanoTime();

        Map<String, Object> result = handler.execute(context);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(200), PROMPTLY);
        assertThat(result).containsExactlyInAnyOrderEntriesOf(Map.of("slept_ms", 200L, "steps", 4));
        assertThat(context.progress())
                .containsExactly(
                        new Progress(25, "step 1 of 4"),
                        new Progress(50, "step 2 of 4"),
                        new Progress(75, "step 3 of 4"),
                        new Progress(100, "step 4 of 4"));
    }

    @Test
    void without_input_completes_at_once_in_one_step() throws Exception {
        RecordingTaskContext context = new RecordingTaskContext(Map.of());

        assertThat(handler.execute(context)).containsExactlyInAnyOrderEntriesOf(Map.of("slept_ms", 0L, "steps", 1));
        assertThat(context.progress()).containsExactly(new Progress(100, "step 1 of 1"));
    }

    @Test
    void stops_promptly_when_cancelled_mid_step() throws Exception {
        RecordingTaskContext context = new RecordingTaskContext(Map.of("millis", 60_000, "steps", 2));
        BackgroundAttempt attempt = BackgroundAttempt.start(handler, context);
        BackgroundAttempt.pause(Duration.ofMillis(100));

        context.cancel();

        assertThat(attempt.failure(PROMPTLY)).isInstanceOf(CancellationException.class);
        assertThat(context.progress()).isEmpty();
    }

    @Test
    void stops_promptly_when_its_thread_is_interrupted() throws Exception {
        RecordingTaskContext context = new RecordingTaskContext(Map.of("millis", 60_000));
        BackgroundAttempt attempt = BackgroundAttempt.start(handler, context);
        BackgroundAttempt.pause(Duration.ofMillis(100));

        attempt.interrupt();

        assertThat(attempt.failure(PROMPTLY)).isInstanceOf(InterruptedException.class);
    }

    @Test
    void does_not_start_when_already_cancelled() {
        RecordingTaskContext context = new RecordingTaskContext(Map.of("millis", 60_000));
        context.cancel();

        assertThatThrownBy(() -> handler.execute(context)).isInstanceOf(CancellationException.class);
    }

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                Arguments.of(Map.of("millis", -1), "input.millis must be a whole number from 0 to 86400000"),
                Arguments.of(Map.of("millis", 86_400_001), "input.millis must be a whole number from 0 to 86400000"),
                Arguments.of(Map.of("millis", 1.5), "input.millis"),
                Arguments.of(Map.of("millis", "500"), "input.millis"),
                Arguments.of(Map.of("millis", true), "input.millis"),
                Arguments.of(Map.of("millis", Double.NaN), "input.millis"),
                Arguments.of(Map.of("steps", 0), "input.steps must be a whole number from 1 to 10000"),
                Arguments.of(Map.of("steps", 10_001), "input.steps must be a whole number from 1 to 10000"),
                Arguments.of(Map.of("steps", "ten"), "input.steps"));
    }

    @ParameterizedTest
    @MethodSource("invalidInputs")
    void refuses_invalid_input(Map<String, Object> input, String message) {
        assertThatThrownBy(() -> handler.validate(input))
                .isInstanceOf(InvalidTaskInputException.class)
                .hasMessageContaining(message);
        assertThatThrownBy(() -> handler.execute(new RecordingTaskContext(input)))
                .isInstanceOf(PermanentTaskException.class)
                .hasMessageContaining(message);
    }

    static Stream<Map<String, Object>> validInputs() {
        return Stream.of(
                Map.of(),
                Map.of("millis", 0),
                Map.of("millis", 86_400_000L, "steps", 10_000),
                Map.of("millis", 500.0, "steps", 2.0),
                Map.of("millis", new BigDecimal("1E+3")));
    }

    @ParameterizedTest
    @MethodSource("validInputs")
    void accepts_whole_numbers_in_range(Map<String, Object> input) {
        assertThatCode(() -> handler.validate(input)).doesNotThrowAnyException();
    }
}
