package io.taskforge.task.policy;

import io.taskforge.task.ErrorClassification;
import io.taskforge.task.TaskError;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a failed attempt is worth retrying.
 *
 * <p>A handler's own verdict wins. Otherwise HTTP 5xx, 408 and 429 are retryable and other 4xx are
 * permanent; without a status the error type decides, and an error of unknown type is treated as
 * transient, since giving up on work that could still succeed loses more than one extra attempt
 * costs.
 */
public final class ErrorClassifier {

    private static final Set<String> PERMANENT_TYPES = Set.of(
            "validation_error",
            "auth_failure",
            "authentication_error",
            "authorization_error",
            "not_found",
            "missing_handler",
            "missing_callback",
            "unsupported_type",
            "content_policy_violation");

    private static final Set<Integer> RETRYABLE_CLIENT_STATUSES = Set.of(408, 429);

    public ErrorClassification classify(TaskError error, ErrorClassification handlerVerdict) {
        if (handlerVerdict != null) {
            return handlerVerdict;
        }
        if (error.httpStatus() != null) {
            return classifyStatus(error.httpStatus());
        }
        String type = error.type() == null ? "" : error.type().toLowerCase(Locale.ROOT);
        return PERMANENT_TYPES.contains(type) ? ErrorClassification.PERMANENT : ErrorClassification.RETRYABLE;
    }

    private static ErrorClassification classifyStatus(int status) {
        boolean clientError = status >= 400 && status < 500;
        return clientError && !RETRYABLE_CLIENT_STATUSES.contains(status)
                ? ErrorClassification.PERMANENT
                : ErrorClassification.RETRYABLE;
    }
}
