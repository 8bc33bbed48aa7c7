package io.taskforge.engine.builtin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskforge.handler.InvalidTaskInputException;
import io.taskforge.handler.PermanentTaskException;
import io.taskforge.handler.RetryableTaskException;
import io.taskforge.handler.TaskContext;
import io.taskforge.handler.TaskFailureException;
import io.taskforge.handler.TaskHandler;
import io.taskforge.handler.TaskLog;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Makes one HTTP request and reports the answer; the provider is the URL's {@code host:port}.
 *
 * <p>Fails retryably on 5xx, 408, 429, timeouts and network errors, permanently on other 4xx. Follows
 * up to {@value #MAX_REDIRECTS} redirects itself, so that {@link OutboundPolicy} checks every URL it
 * is sent to, and sends the provider's configured {@link ProviderHeaders} to the provider's own origin
 * only.
 */
@Component
class HttpHandler implements TaskHandler, AutoCloseable {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_REDIRECTS = 5;

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final Clock clock;
    private final ObjectMapper json;
    private final OutboundPolicy policy;
    private final ProviderHeaders providerHeaders;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpHandler(Clock clock, ObjectMapper json, OutboundPolicy policy, ProviderHeaders providerHeaders) {
        this.clock = clock;
        this.json = json;
        this.policy = policy;
        this.providerHeaders = providerHeaders;
    }

    @Override
    public String type() {
        return "http";
    }

    @Override
    public void validate(Map<String, Object> input) {
        URI url = HttpCall.parse(input, json).url();
        policy.refusal(url).ifPresent(reason -> {
            throw new InvalidTaskInputException("input.url " + reason);
        });
    }

    @Override
    public String provider(Map<String, Object> input) {
        return HttpCall.provider(input);
    }

    @Override
    public Map<String, Object> execute(TaskContext context) throws Exception {
        HttpCall first = InputValues.forExecution(() -> HttpCall.parse(context.input(), json));
        Map<String, String> credentials = providerHeaders.of(context.provider());
        HttpCall call = first;
        for (int redirects = 0; ; redirects++) {
            Optional<String> refused = policy.refusal(call.url());
            if (refused.isPresent()) {
                throw new PermanentTaskException(
                        "url_refused", call.describe() + " not sent: the URL " + refused.get());
            }
            HttpResponse<BoundedBodySubscriber.Body> response =
                    exchange(context, call, first.sameOrigin(call.url()) ? credentials : Map.of());
            Optional<URI> next = redirect(call, response);
            if (next.isEmpty() || redirects == MAX_REDIRECTS) {
                return HttpOutcome.of(call, response, clock.instant(), json);
            }
            call = call.redirectedTo(next.get(), response.statusCode());
        }
    }

    /** Stops calls still under way when the application shuts down. */
    @Override
    public void close() {
        client.shutdownNow();
    }

    private HttpResponse<BoundedBodySubscriber.Body> exchange(
            TaskContext context, HttpCall call, Map<String, String> credentials) throws Exception {
        Duration wait = waitLimit(call, context.deadline());
        if (wait.isZero()) {
            throw new RetryableTaskException("timeout", call.describe() + " not sent: the attempt's deadline passed");
        }
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<BoundedBodySubscriber.Body>> exchange = client.sendAsync(
                call.toRequest(credentials), info -> new BoundedBodySubscriber(HttpOutcome.MAX_BODY_BYTES));
        context.onCancel(() -> exchange.cancel(true));
        HttpResponse<BoundedBodySubscriber.Body> response;
        try {
            response = exchange.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            logCall(context, call, "failed (timeout)", null, started);
            throw new RetryableTaskException(
                    "timeout", call.describe() + " gave no answer within " + wait.toMillis() + " ms");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Exception failure = failure(call, e.getCause());
            String kind = failure instanceof TaskFailureException described
                    ? described.error().type()
                    : failure.getClass().getSimpleName();
            logCall(context, call, "failed (" + kind + ")", null, started);
            throw failure;
        }
        logCall(context, call, "answered " + response.statusCode(), response.statusCode(), started);
        return response;
    }

    /** Where a redirect points; empty for any other answer, and for one from https down to http. */
    private static Optional<URI> redirect(HttpCall call, HttpResponse<?> response) {
        if (!REDIRECTS.contains(response.statusCode())) {
            return Optional.empty();
        }
        try {
            return response.headers()
                    .firstValue("Location")
                    .map(location -> call.url().resolve(location))
                    .filter(next -> next.getScheme() != null && next.getHost() != null)
                    .filter(next -> !("https".equalsIgnoreCase(call.url().getScheme())
                            && "http".equalsIgnoreCase(next.getScheme())));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private Duration waitLimit(HttpCall call, Instant deadline) {
        if (deadline == null) {
            return call.timeout();
        }
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative()) {
            return Duration.ZERO;
        }
        return left.compareTo(call.timeout()) < 0 ? left : call.timeout();
    }

    private static Exception failure(HttpCall call, Throwable cause) {
        String reason =
                Objects.requireNonNullElse(cause.getMessage(), cause.getClass().getSimpleName());
        if (causedBy(cause, HttpTimeoutException.class)) {
            return new RetryableTaskException("timeout", call.describe() + " timed out: " + reason);
        }
        if (causedBy(cause, ConnectException.class)) {
            return new RetryableTaskException("connection_error", call.describe() + " could not connect: " + reason);
        }
        if (cause instanceof IOException) {
            return new RetryableTaskException("io_error", call.describe() + " failed: " + reason);
        }
        return cause instanceof Exception exception ? exception : new ExecutionException(cause);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static void logCall(TaskContext context, HttpCall call, String outcome, Integer status, long startedNanos) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("method", call.method());
        fields.put("url", call.shownUrl());
        fields.put("duration_ms", millis);
        if (status != null) {
            fields.put("status", status);
        }
        boolean ok = status != null && status < 400;
        context.log()
                .write(
                        ok ? TaskLog.Level.INFO : TaskLog.Level.WARNING,
                        call.describe() + " " + outcome + " in " + millis + " ms",
                        fields);
    }
}
