package io.taskforge.api.web;

/**
 * The body of every error response.
 *
 * @param detail what went wrong, for people
 * @param type a stable machine-readable kind, such as {@code not_found} or {@code already_finished}
 * @param requestId the id of the request, also in the {@code X-Request-ID} response header
 */
public record ApiError(String detail, String type, String requestId) {}
