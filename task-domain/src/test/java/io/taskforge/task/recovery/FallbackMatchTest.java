package io.taskforge.task.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskforge.task.ErrorClassification;
import io.taskforge.task.TaskError;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FallbackMatchTest {

    private static final TaskError SERVER = new TaskError("http_error", "503", 503);
    private static final TaskError BAD_REQUEST = new TaskError("http_error", "400", 400);
    private static final TaskError REFUSED = TaskError.of("connection_error", "refused");
    private static final ErrorClassification RETRYABLE = ErrorClassification.RETRYABLE;
    private static final ErrorClassification PERMANENT = ErrorClassification.PERMANENT;

    static Stream<Arguments> cases() {
        FallbackMatch any = new FallbackMatch(null, null, List.of());
        FallbackMatch payments = new FallbackMatch("http", "payments", List.of("network_error", "server_error"));
        FallbackMatch validation = new FallbackMatch(null, null, List.of("validation_error"));
        return Stream.of(
                Arguments.of(any, "http", "payments", SERVER, RETRYABLE, true),
                Arguments.of(any, "http", "payments", BAD_REQUEST, PERMANENT, false),
                Arguments.of(payments, "http", "payments", SERVER, RETRYABLE, true),
                Arguments.of(payments, "http", "payments", REFUSED, RETRYABLE, true),
                Arguments.of(payments, "http", "other", SERVER, RETRYABLE, false),
                Arguments.of(payments, "video", "payments", SERVER, RETRYABLE, false),
                Arguments.of(payments, "http", "payments", BAD_REQUEST, PERMANENT, false),
                Arguments.of(validation, "http", null, BAD_REQUEST, PERMANENT, true),
                Arguments.of(new FallbackMatch(null, null, List.of("HTTP_ERROR")), "x", null, SERVER, RETRYABLE, true));
    }

    @ParameterizedTest(name = "{0} / {1} {2} {3} {4} -> {5}")
    @MethodSource("cases")
    void matchesByTypeProviderAndErrorKind(
            FallbackMatch match,
            String type,
            String provider,
            TaskError error,
            ErrorClassification classification,
            boolean expected) {
        assertThat(match.matches(type, provider, error, classification)).isEqualTo(expected);
    }

    static Stream<Arguments> specificities() {
        return Stream.of(
                Arguments.of(new FallbackMatch(null, null, null), 0),
                Arguments.of(new FallbackMatch("http", null, List.of()), 1),
                Arguments.of(new FallbackMatch("http", "p", List.of("timeout")), 3));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("specificities")
    void moreCriteriaAreMoreSpecific(FallbackMatch match, int specificity) {
        assertThat(match.specificity()).isEqualTo(specificity);
    }
}
