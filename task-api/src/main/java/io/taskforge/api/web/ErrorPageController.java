package io.taskforge.api.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors raised outside Spring MVC (filters, the servlet container) in the same
 * {@link ApiError} shape. A request for {@code /error} itself is not an error dispatch: it names no
 * endpoint, so it is a 404 like any other unknown path.
 */
@RestController
class ErrorPageController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ApiError> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return respond(HttpStatus.NOT_FOUND, "no endpoint " + request.getMethod() + " /error", request);
        }
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = status.is5xxServerError()
                ? "internal error; see the server log for this request id"
                : status.getReasonPhrase();
        return respond(status, detail, request);
    }

    private static ResponseEntity<ApiError> respond(HttpStatus status, String detail, HttpServletRequest request) {
        return ResponseEntity.status(status)
                .body(new ApiError(detail, ApiExceptionHandler.typeOf(status), RequestIds.of(request)));
    }
}
