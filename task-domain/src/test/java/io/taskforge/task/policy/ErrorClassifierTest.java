package io.taskforge.task.policy;

import static io.taskforge.task.ErrorClassification.PERMANENT;
import static io.taskforge.task.ErrorClassification.RETRYABLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskforge.task.ErrorClassification;
import io.taskforge.task.TaskError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorClassifierTest {

    private final ErrorClassifier classifier = new ErrorClassifier();

    @ParameterizedTest(name = "type {0}, HTTP {1}, handler says {2} -> {3}")
    @CsvSource(
            nullValues = "-",
            value = {
                "http_error,               500, -,         RETRYABLE",
                "http_error,               502, -,         RETRYABLE",
                "http_error,               503, -,         RETRYABLE",
                "http_error,               504, -,         RETRYABLE",
                "http_error,               599, -,         RETRYABLE",
                "http_error,               408, -,         RETRYABLE",
                "http_error,               429, -,         RETRYABLE",
                "http_error,               400, -,         PERMANENT",
                "http_error,               401, -,         PERMANENT",
                "http_error,               403, -,         PERMANENT",
                "http_error,               404, -,         PERMANENT",
                "http_error,               409, -,         PERMANENT",
                "http_error,               422, -,         PERMANENT",
                "http_error,               499, -,         PERMANENT",
                "validation_error,         503, -,         RETRYABLE",
                "timeout,                  400, -,         PERMANENT",
                "timeout,                  -,   -,         RETRYABLE",
                "connection_error,         -,   -,         RETRYABLE",
                "java.net.ConnectException, -,  -,         RETRYABLE",
                "something_new,            -,   -,         RETRYABLE",
                "-,                        -,   -,         RETRYABLE",
                "'',                       -,   -,         RETRYABLE",
                "validation_error,         -,   -,         PERMANENT",
                "auth_failure,             -,   -,         PERMANENT",
                "authentication_error,     -,   -,         PERMANENT",
                "authorization_error,      -,   -,         PERMANENT",
                "not_found,                -,   -,         PERMANENT",
                "missing_handler,          -,   -,         PERMANENT",
                "missing_callback,         -,   -,         PERMANENT",
                "unsupported_type,         -,   -,         PERMANENT",
                "content_policy_violation, -,   -,         PERMANENT",
                "Validation_Error,         -,   -,         PERMANENT",
                "MISSING_HANDLER,          -,   -,         PERMANENT",
                "http_error,               503, PERMANENT, PERMANENT",
                "timeout,                  -,   PERMANENT, PERMANENT",
                "http_error,               400, RETRYABLE, RETRYABLE",
                "validation_error,         -,   RETRYABLE, RETRYABLE",
                "http_error,               500, RETRYABLE, RETRYABLE",
                "auth_failure,             -,   PERMANENT, PERMANENT",
            })
    void classifies(String type, Integer httpStatus, ErrorClassification handlerVerdict, ErrorClassification expected) {
        TaskError error = new TaskError(type, "failed", httpStatus);

        assertThat(classifier.classify(error, handlerVerdict)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"timeout", "connection_error", "rate_limited", "unknown"})
    void unknownAndTransientTypesWithoutStatusAreRetryable(String type) {
        assertThat(classifier.classify(TaskError.of(type, "failed"), null)).isEqualTo(RETRYABLE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"validation_error", "auth_failure", "missing_handler"})
    void handlerVerdictWinsOverTheType(String type) {
        assertThat(classifier.classify(TaskError.of(type, "failed"), null)).isEqualTo(PERMANENT);
        assertThat(classifier.classify(TaskError.of(type, "failed"), RETRYABLE)).isEqualTo(RETRYABLE);
    }
}
