package io.taskforge.api.web;

import org.springframework.http.HttpStatus;

/** Failures the API itself reports, each with its HTTP status and wire name. */
public enum ApiErrorCode {
    BAD_REQUEST(HttpStatus.BAD_REQUEST),
    /** A call that needs an API key came without one. */
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
    /** The key may not see what the call names. */
    FORBIDDEN(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    CONFLICT(HttpStatus.CONFLICT),
    /** A worker's report or heartbeat names an attempt whose lease it no longer holds. */
    LEASE_LOST(HttpStatus.CONFLICT),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),
    VALIDATION_ERROR(HttpStatus.UNPROCESSABLE_ENTITY);

    private final HttpStatus status;

    ApiErrorCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
