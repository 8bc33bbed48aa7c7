package io.taskforge.task.policy;

import io.taskforge.task.TaskError;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The names a failure answers to in recovery: its own error type, and the broader kind it belongs
 * to, so that a fallback chain or a strategy lookup for {@code server_error} covers an HTTP 503 and
 * one for {@code network_error} covers a refused connection.
 */
public final class ErrorKinds {

    public static final String SERVER_ERROR = "server_error";
    public static final String RATE_LIMIT = "rate_limit";
    public static final String AUTH_FAILURE = "auth_failure";
    public static final String VALIDATION_ERROR = "validation_error";
    public static final String NOT_FOUND = "not_found";
    public static final String NETWORK_ERROR = "network_error";
    public static final String TIMEOUT = TaskError.TIMEOUT;

    /** Error types the engine's handlers produce, and the kind each belongs to. */
    private static final Map<String, String> KIND_OF_TYPE = Map.of(
            "connection_error", NETWORK_ERROR,
            "io_error", NETWORK_ERROR,
            "circuit_open", NETWORK_ERROR,
            "authentication_error", AUTH_FAILURE,
            "authorization_error", AUTH_FAILURE);

    private ErrorKinds() {}

    /** The failure's type in lower case, then its kind when that differs. */
    public static Set<String> of(TaskError error) {
        Set<String> names = new LinkedHashSet<>();
        String type = error.type() == null ? "" : error.type().toLowerCase(Locale.ROOT);
        names.add(type);
        String kind = error.httpStatus() != null ? kindOfStatus(error.httpStatus()) : KIND_OF_TYPE.get(type);
        if (kind != null) {
            names.add(kind);
        }
        return names;
    }

    private static String kindOfStatus(int status) {
        if (status >= 500) {
            return SERVER_ERROR;
        }
        return switch (status) {
            case 408 -> TIMEOUT;
            case 429 -> RATE_LIMIT;
            case 401, 403 -> AUTH_FAILURE;
            case 404, 410 -> NOT_FOUND;
            case 400, 409, 422 -> VALIDATION_ERROR;
            default -> null;
        };
    }
}
