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

    /** The longest error type an event keeps. */
    public static final int MAX_TYPE_CHARS = 200;

    /** The longest error message an event keeps. */
    public static final int MAX_MESSAGE_CHARS = 2000;

    public static TaskError of(String type, String message) {
        return new TaskError(type, message, null);
    }

    public static TaskError timeout(String message) {
        return of(TIMEOUT, message);
    }

    /**
     * This error as an event can keep it: type and message cleaned of characters no store accepts and
     * cut to their limits. Handlers write both, so they are cleaned rather than refused.
     */
    public TaskError storable() {
        return new TaskError(
                StorableText.clean(type, MAX_TYPE_CHARS), StorableText.clean(message, MAX_MESSAGE_CHARS), httpStatus);
    }
}
