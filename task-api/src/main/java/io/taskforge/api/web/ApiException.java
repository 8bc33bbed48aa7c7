package io.taskforge.api.web;

/** A request the API turns down, with the code that decides its status. */
public class ApiException extends RuntimeException {

    private final ApiErrorCode code;

    public ApiException(ApiErrorCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public ApiErrorCode code() {
        return code;
    }
}
