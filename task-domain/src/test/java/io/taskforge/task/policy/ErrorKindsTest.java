package io.taskforge.task.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskforge.task.TaskError;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorKindsTest {

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(new TaskError("http_error", "", 503), List.of("http_error", "server_error")),
                Arguments.of(new TaskError("http_error", "", 429), List.of("http_error", "rate_limit")),
                Arguments.of(new TaskError("http_error", "", 401), List.of("http_error", "auth_failure")),
                Arguments.of(new TaskError("http_error", "", 422), List.of("http_error", "validation_error")),
                Arguments.of(new TaskError("http_error", "", 408), List.of("http_error", "timeout")),
                Arguments.of(new TaskError("http_error", "", 418), List.of("http_error")),
                Arguments.of(TaskError.of("connection_error", ""), List.of("connection_error", "network_error")),
                Arguments.of(TaskError.of("Timeout", ""), List.of("timeout")),
                Arguments.of(TaskError.of(null, ""), List.of("")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("errors")
    void anErrorAnswersToItsTypeAndItsKind(TaskError error, List<String> names) {
        assertThat(ErrorKinds.of(error)).containsExactlyElementsOf(names);
    }
}
