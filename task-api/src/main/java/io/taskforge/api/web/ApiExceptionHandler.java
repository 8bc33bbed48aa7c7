package io.taskforge.api.web;

import io.taskforge.engine.deadletters.UnknownReadModelException;
import io.taskforge.engine.workers.UnknownWorkerException;
import io.taskforge.engine.workers.WorkerOfflineException;
import io.taskforge.task.command.TaskRule;
import io.taskforge.task.command.TaskRuleViolationException;
import io.taskforge.task.recovery.FallbackChainRuleViolationException;
import io.taskforge.worker.command.WorkerRule;
import io.taskforge.worker.command.WorkerRuleViolationException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every exception that reaches Spring MVC into an {@link ApiError} with the right status. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** What a 503 during a database outage suggests as the wait before trying again. */
    static final String RETRY_AFTER_OUTAGE_SECONDS = "5";

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> apiException(ApiException exception, HttpServletRequest request) {
        return error(exception.code().status(), exception.code().wireName(), exception.getMessage(), request);
    }

    @ExceptionHandler(TaskRuleViolationException.class)
    ResponseEntity<ApiError> ruleViolation(TaskRuleViolationException exception, HttpServletRequest request) {
        String detail = "task " + exception.taskId() + ": " + exception.getMessage();
        return error(statusOf(exception.rule()), exception.rule().name().toLowerCase(Locale.ROOT), detail, request);
    }

    @ExceptionHandler(FallbackChainRuleViolationException.class)
    ResponseEntity<ApiError> chainRuleViolation(
            FallbackChainRuleViolationException exception, HttpServletRequest request) {
        String detail = "fallback chain " + exception.chainId() + ": " + exception.getMessage();
        HttpStatus status =
                switch (exception.rule()) {
                    case INVALID_CHAIN -> HttpStatus.UNPROCESSABLE_ENTITY;
                    case DELETED -> HttpStatus.NOT_FOUND;
                    case VERSION_CONFLICT -> HttpStatus.CONFLICT;
                };
        return error(status, exception.rule().name().toLowerCase(Locale.ROOT), detail, request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ApiError> unknownTask(AggregateNotFoundException exception, HttpServletRequest request) {
        return error(
                HttpStatus.NOT_FOUND,
                "not_found",
                "task " + exception.getAggregateIdentifier() + " not found",
                request);
    }

    @ExceptionHandler(UnknownWorkerException.class)
    ResponseEntity<ApiError> unknownWorker(UnknownWorkerException exception, HttpServletRequest request) {
        return error(HttpStatus.NOT_FOUND, "not_found", exception.getMessage(), request);
    }

    @ExceptionHandler(WorkerOfflineException.class)
    ResponseEntity<ApiError> offlineWorker(WorkerOfflineException exception, HttpServletRequest request) {
        return error(HttpStatus.CONFLICT, "worker_offline", exception.getMessage(), request);
    }

    @ExceptionHandler(WorkerRuleViolationException.class)
    ResponseEntity<ApiError> workerRuleViolation(WorkerRuleViolationException exception, HttpServletRequest request) {
        HttpStatus status =
                exception.rule() == WorkerRule.INVALID_VALUE ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.CONFLICT;
        String detail = "worker " + exception.workerId().value() + ": " + exception.getMessage();
        return error(status, exception.rule().name().toLowerCase(Locale.ROOT), detail, request);
    }

    @ExceptionHandler(UnknownReadModelException.class)
    ResponseEntity<ApiError> unknownReadModel(UnknownReadModelException exception, HttpServletRequest request) {
        return error(HttpStatus.NOT_FOUND, "not_found", exception.getMessage(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException exception, HttpServletRequest request) {
        String detail = "parameter '" + exception.getName() + "' has an invalid value: " + exception.getValue();
        return error(HttpStatus.BAD_REQUEST, "bad_request", detail, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception exception, HttpServletRequest request) {
        if (DatabaseOutage.causedBy(exception)) {
            log.warn(
                    "request {} failed: the database cannot be reached: {}",
                    RequestIds.of(request),
                    exception.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_OUTAGE_SECONDS)
                    .body(new ApiError(
                            "the database cannot be reached right now; try again shortly",
                            "database_unavailable",
                            RequestIds.of(request)));
        }
        log.error("request {} failed", RequestIds.of(request), exception);
        return error(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal_error",
                "internal error; see the server log for this request id",
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = exception.getBindingResult().getFieldErrors().stream()
                .map(field -> snakeCase(field.getField()) + ": " + field.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return body(HttpStatus.UNPROCESSABLE_ENTITY, "validation_error", detail, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException exception,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        String detail = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> parameterName(result.getMethodParameter()) + ": " + error.getDefaultMessage()))
                .sorted()
                .collect(Collectors.joining("; "));
        return body(HttpStatus.BAD_REQUEST, "bad_request", detail, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = "no endpoint " + exception.getHttpMethod() + " /" + exception.getResourcePath();
        return body(HttpStatus.NOT_FOUND, "not_found", detail, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyProblem problem = RequestBodyProblem.of(exception);
        return body(problem.status(), problem.type(), problem.detail(), request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception exception, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = exception instanceof ErrorResponse response
                        && response.getBody().getDetail() != null
                ? response.getBody().getDetail()
                : exception.getMessage();
        return ResponseEntity.status(status).headers(headers).body(errorOf(detail, typeOf(status), request));
    }

    private ResponseEntity<Object> body(HttpStatusCode status, String type, String detail, WebRequest request) {
        return ResponseEntity.status(status).body(errorOf(detail, type, request));
    }

    private static ApiError errorOf(String detail, String type, WebRequest request) {
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        return new ApiError(detail, type, RequestIds.of(servletRequest));
    }

    private static ResponseEntity<ApiError> error(
            HttpStatusCode status, String type, String detail, HttpServletRequest request) {
        return ResponseEntity.status(status).body(new ApiError(detail, type, RequestIds.of(request)));
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
        return annotation != null && !annotation.name().isEmpty() ? annotation.name() : parameter.getParameterName();
    }

    /** Field paths in the JSON's own spelling: {@code retry.maxAttempts} becomes {@code retry.max_attempts}. */
    private static String snakeCase(String path) {
        return path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    static String typeOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http_" + status.value() : known.name().toLowerCase(Locale.ROOT);
    }

    private static HttpStatus statusOf(TaskRule rule) {
        return switch (rule) {
            case INVALID_VALUE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case UNKNOWN_ALERT -> HttpStatus.NOT_FOUND;
            case ALREADY_RUNNING,
                    ALREADY_FINISHED,
                    STALE_ATTEMPT,
                    NOT_RUNNING,
                    RETRY_NOT_DUE,
                    NOT_REQUEUEABLE,
                    NOT_FINISHED,
                    ARCHIVED,
                    ALERT_ALREADY_ACKNOWLEDGED -> HttpStatus.CONFLICT;
        };
    }
}
