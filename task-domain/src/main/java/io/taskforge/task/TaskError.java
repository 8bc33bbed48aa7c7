package io.taskforge.task;

/**
 * Why an attempt failed.
 *
 * @param type a short machine-readable kind, such as {@code timeout}, {@code http_error} or an
 *     exception's class name
 * @param message what went wrong, for people
 * @param httpStatus the provider's HTTP status when the failure was an HTTP answer; otherwise null
 */
public record TaskError(String type, String message, Integer httpStatus) {

    public static final String TIMEOUT = "timeout";

    public static TaskError of(String type, String message) {
        return new TaskError(type, message, null);
    }

    public static TaskError timeout(String message) {
        return of(TIMEOUT, message);
    }
}
