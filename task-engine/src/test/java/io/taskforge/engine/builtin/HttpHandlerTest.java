package io.taskforge.engine.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.taskforge.handler.InvalidTaskInputException;
import io.taskforge.handler.PermanentTaskException;
import io.taskforge.handler.RetryableTaskException;
import io.taskforge.handler.TaskLog;
import io.taskforge.task.ErrorClassification;
import io.taskforge.task.TaskError;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class HttpHandlerTest {

    private static final Instant NOW = Instant.parse("2026-10-21T07:28:00Z");
    private static final String SECRET = "Bearer s3cr3t-token";
    private static final Duration PROMPTLY = Duration.ofSeconds(1);

    private static HttpServer server;
    private static String base;
    private static final List<Recorded> received = new CopyOnWriteArrayList<>();
    private static final CountDownLatch releaseSlow = new CountDownLatch(1);

    /** Nothing listens there: the policy refuses it on this host as the engine's own port, before any connect. */
    private static final int ENGINE_PORT = 65_000;

    private static final OutboundPolicy POLICY = new OutboundPolicy(List.of(), () -> Set.of(ENGINE_PORT));
    private static final ProviderHeaders PROVIDER_HEADERS =
            new ProviderHeaders(Map.of("BILLING", Map.of("Authorization", "Bearer configured")));

    private final HttpHandler handler =
            new HttpHandler(Clock.fixed(NOW, ZoneOffset.UTC), new ObjectMapper(), POLICY, PROVIDER_HEADERS);

    record Recorded(String method, String path, String contentType, String authorization, String body) {}

    @BeforeAll
    static void startStubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/ok", exchange -> {
            record(exchange);
            exchange.getResponseHeaders().add("X-Request-Id", "r-1");
            exchange.getResponseHeaders().add("Set-Cookie", "session=secret");
            respond(exchange, 200, "application/json; charset=utf-8", "{\"charged\":true,\"amount\":12.5}");
        });
        server.createContext("/text", exchange -> respond(exchange, 200, "text/plain", "plain words"));
        server.createContext("/huge", exchange -> respond(exchange, 200, "text/plain", "x".repeat(2 * 1024 * 1024)));
        server.createContext("/empty", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/unavailable", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "2");
            respond(exchange, 503, "text/plain", "down for\n maintenance");
        });
        server.createContext("/throttled", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "Wed, 21 Oct 2026 07:30:00 GMT");
            respond(exchange, 429, "text/plain", "slow down");
        });
        server.createContext(
                "/bad", exchange -> respond(exchange, 400, "application/json", "{\"error\":\"no amount\"}"));
        server.createContext("/missing", exchange -> respond(exchange, 404, "text/plain", ""));
        server.createContext("/request-timeout", exchange -> respond(exchange, 408, "text/plain", "too slow"));
        server.createContext("/redirect-here", exchange -> redirect(exchange, 302, "/ok"));
        server.createContext("/redirect-elsewhere", exchange -> redirect(exchange, 307, localhost() + "/ok"));
        server.createContext(
                "/redirect-to-engine",
                exchange -> redirect(exchange, 302, "http://127.0.0.1:" + ENGINE_PORT + "/actuator"));
        server.createContext("/redirect-forever", exchange -> redirect(exchange, 302, "/redirect-forever"));
        server.createContext("/slow", exchange -> {
            try {
                releaseSlow.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "text/plain", "finally");
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stopStubServer() {
        releaseSlow.countDown();
        server.stop(0);
    }

    @Test
    void returns_status_headers_and_parsed_json_and_sends_a_map_body_as_json() throws Exception {
        received.clear();
        RecordingTaskContext context = new RecordingTaskContext(Map.of(
                "url", base + "/ok",
                "headers", Map.of("Authorization", SECRET),
                "body", Map.of("amount", 12.5)));

        Map<String, Object> result = handler.execute(context);

        assertThat(result).containsEntry("status", 200);
        assertThat(result.get("body")).isEqualTo(Map.of("charged", true, "amount", 12.5));
        assertThat(result.get("headers"))
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("x-request-id", "r-1")
                .containsEntry("content-type", "application/json; charset=utf-8")
                .doesNotContainKey("set-cookie");
        assertThat(received)
                .containsExactly(new Recorded("POST", "/ok", "application/json", SECRET, "{\"amount\":12.5}"));
    }

    @Test
    void logs_each_call_without_header_values() throws Exception {
        RecordingTaskContext context =
                new RecordingTaskContext(Map.of("url", base + "/ok", "headers", Map.of("Authorization", SECRET)));

        handler.execute(context);

        assertThat(context.lines()).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo(TaskLog.Level.INFO);
            assertThat(line.message()).startsWith("GET " + base + "/ok answered 200 in ");
            assertThat(line.context()).containsEntry("status", 200).containsKey("duration_ms");
            assertThat(line.toString()).doesNotContain("s3cr3t");
        });
    }

    @Test
    void sends_a_text_body_as_is_with_the_given_method() throws Exception {
        received.clear();

        handler.execute(new RecordingTaskContext(Map.of("method", "put", "url", base + "/ok", "body", "hello")));

        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("PUT");
            assertThat(request.contentType()).isEqualTo("text/plain; charset=utf-8");
            assertThat(request.body()).isEqualTo("hello");
        });
    }

    @Test
    void returns_text_bodies_as_text_and_truncates_huge_ones() throws Exception {
        assertThat(handler.execute(new RecordingTaskContext(Map.of("url", base + "/text"))))
                .containsEntry("body", "plain words")
                .doesNotContainKey("body_truncated");

        Map<String, Object> huge = handler.execute(new RecordingTaskContext(Map.of("url", base + "/huge")));
        assertThat((String) huge.get("body")).hasSize(HttpOutcome.MAX_TEXT_CHARS);
        assertThat(huge).containsEntry("body_truncated", true);
    }

    @Test
    void returns_a_null_body_when_there_is_none() throws Exception {
        Map<String, Object> result = handler.execute(new RecordingTaskContext(Map.of("url", base + "/empty")));

        assertThat(result).containsEntry("status", 204).containsEntry("body", null);
    }

    @Test
    void retries_a_503_after_the_delta_seconds_it_asks_for() {
        RetryableTaskException failure = fails(RetryableTaskException.class, Map.of("url", base + "/unavailable"));

        assertThat(failure.error().type()).isEqualTo("http_error");
        assertThat(failure.error().httpStatus()).isEqualTo(503);
        assertThat(failure.error().message())
                .isEqualTo("GET " + base + "/unavailable answered 503: down for maintenance");
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void retries_a_429_after_the_http_date_it_asks_for() {
        RetryableTaskException failure = fails(RetryableTaskException.class, Map.of("url", base + "/throttled"));

        assertThat(failure.error().httpStatus()).isEqualTo(429);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void retries_a_408_without_a_requested_wait() {
        RetryableTaskException failure = fails(RetryableTaskException.class, Map.of("url", base + "/request-timeout"));

        assertThat(failure.error().httpStatus()).isEqualTo(408);
        assertThat(failure.retryAfter()).isNull();
    }

    @Test
    void gives_up_on_other_client_errors() {
        PermanentTaskException badRequest = fails(PermanentTaskException.class, Map.of("url", base + "/bad"));
        PermanentTaskException notFound =
                fails(PermanentTaskException.class, Map.of("method", "DELETE", "url", base + "/missing"));

        assertThat(badRequest.error().httpStatus()).isEqualTo(400);
        assertThat(badRequest.error().message()).endsWith("answered 400: {\"error\":\"no amount\"}");
        assertThat(badRequest.verdict()).isEqualTo(ErrorClassification.PERMANENT);
        assertThat(notFound.error())
                .isEqualTo(new TaskError("http_error", "DELETE " + base + "/missing answered 404", 404));
    }

    @Test
    void retries_when_nothing_listens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        RecordingTaskContext context = new RecordingTaskContext(Map.of("url", "http://127.0.0.1:" + closedPort + "/"));

        RetryableTaskException failure =
                catchThrowableOfType(RetryableTaskException.class, () -> handler.execute(context));

        assertThat(failure.error().type()).isEqualTo("connection_error");
        assertThat(context.lines()).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo(TaskLog.Level.WARNING);
            assertThat(line.message())
                    .startsWith("GET http://127.0.0.1:" + closedPort + "/ failed (connection_error) in ");
        });
    }

    @Test
    void times_out_after_timeout_seconds() {
        long started = System.nanoTime();

        RetryableTaskException failure =
                fails(RetryableTaskException.class, Map.of("url", base + "/slow", "timeout_seconds", 1));

        assertThat(failure.error().type()).isEqualTo("timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isBetween(Duration.ofMillis(900), Duration.ofSeconds(3));
    }

    @Test
    void times_out_at_the_attempt_deadline_when_that_comes_first() {
        HttpHandler realTime = new HttpHandler(Clock.systemUTC(), new ObjectMapper(), POLICY, PROVIDER_HEADERS);
        RecordingTaskContext context = new RecordingTaskContext(Map.of("url", base + "/slow"))
                .deadline(Instant.now().plusMillis(300));
        long started = System.nanoTime();

        RetryableTaskException failure =
                catchThrowableOfType(RetryableTaskException.class, () -> realTime.execute(context));

        assertThat(failure.error().type()).isEqualTo("timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPTLY);
        realTime.close();
    }

    @Test
    void aborts_the_call_when_cancelled() throws Exception {
        RecordingTaskContext context = new RecordingTaskContext(Map.of("url", base + "/slow"));
        BackgroundAttempt attempt = BackgroundAttempt.start(handler, context);
        BackgroundAttempt.pause(Duration.ofMillis(200));

        context.cancel();

        assertThat(attempt.failure(PROMPTLY)).isInstanceOf(CancellationException.class);
    }

    @Test
    void aborts_the_call_when_interrupted() throws Exception {
        BackgroundAttempt attempt =
                BackgroundAttempt.start(handler, new RecordingTaskContext(Map.of("url", base + "/slow")));
        BackgroundAttempt.pause(Duration.ofMillis(200));

        attempt.interrupt();

        assertThat(attempt.failure(PROMPTLY)).isInstanceOf(InterruptedException.class);
    }

    @Test
    void names_host_and_port_as_the_provider() {
        assertThat(handler.provider(Map.of("url", "https://API.example.com/v1/charge")))
                .isEqualTo("api.example.com:443");
        assertThat(handler.provider(Map.of("url", "http://example.com/x"))).isEqualTo("example.com:80");
        assertThat(handler.provider(Map.of("url", "http://127.0.0.1:9000/charge")))
                .isEqualTo("127.0.0.1:9000");
        assertThat(handler.provider(Map.of("url", "ftp://example.com/"))).isNull();
    }

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                Arguments.of(Map.of(), "input.url is required"),
                Arguments.of(Map.of("url", "/relative/path"), "input.url must be an absolute http or https URL"),
                Arguments.of(
                        Map.of("url", "ftp://example.com/file"), "input.url must be an absolute http or https URL"),
                Arguments.of(Map.of("url", "http://"), "input.url must be an absolute http or https URL"),
                Arguments.of(Map.of("url", "http://exa mple.com/"), "input.url must be an absolute http or https URL"),
                Arguments.of(Map.of("url", 42), "input.url must be an absolute http or https URL"),
                Arguments.of(Map.of("url", "https://user:pw@example.com/"), "input.url must not carry credentials"),
                Arguments.of(Map.of("url", "https://example.com", "method", "FETCH"), "input.method must be one of"),
                Arguments.of(Map.of("url", "https://example.com", "method", 1), "input.method must be one of"),
                Arguments.of(Map.of("url", "https://example.com", "headers", "x"), "input.headers must be an object"),
                Arguments.of(
                        Map.of("url", "https://example.com", "headers", Map.of("X-N", 1)),
                        "input.headers.X-N must be a string"),
                Arguments.of(
                        Map.of("url", "https://example.com", "headers", Map.of("Host", "h")),
                        "input.headers.Host cannot be sent"),
                Arguments.of(
                        Map.of("url", "https://example.com", "headers", Map.of("Bad Name", "v")),
                        "input.headers.Bad Name cannot be sent"),
                Arguments.of(
                        Map.of("url", "https://example.com", "timeout_seconds", 0),
                        "input.timeout_seconds must be a whole number from 1 to 3600"),
                Arguments.of(
                        Map.of("url", "https://example.com", "timeout_seconds", 3601),
                        "input.timeout_seconds must be a whole number from 1 to 3600"),
                Arguments.of(Map.of("url", "https://example.com", "timeout_seconds", "10"), "input.timeout_seconds"));
    }

    @ParameterizedTest
    @MethodSource("invalidInputs")
    void refuses_invalid_input(Map<String, Object> input, String message) {
        assertThatThrownBy(() -> handler.validate(input))
                .isInstanceOf(InvalidTaskInputException.class)
                .hasMessageContaining(message);
    }

    @Test
    void never_repeats_a_refused_header_value() {
        Map<String, Object> input =
                Map.of("url", "https://example.com", "headers", Map.of("Authorization", "Bearer s3cr3t\nX-Evil: 1"));

        assertThatThrownBy(() -> handler.validate(input))
                .isInstanceOf(InvalidTaskInputException.class)
                .hasMessageStartingWith("input.headers.Authorization cannot be sent")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void accepts_the_documented_example() {
        Map<String, Object> input = Map.of(
                "method",
                "POST",
                "url",
                "http://127.0.0.1:9000/charge",
                "headers",
                Map.of("Idempotency-Key", "k-1"),
                "body",
                Map.of("amount", 10),
                "timeout_seconds",
                10);

        assertThatCode(() -> handler.validate(input)).doesNotThrowAnyException();
    }

    @Test
    void follows_a_redirect_turning_a_post_into_a_get_and_keeping_headers_on_the_same_origin() throws Exception {
        received.clear();

        Map<String, Object> result = handler.execute(new RecordingTaskContext(Map.of(
                "url", base + "/redirect-here", "headers", Map.of("Authorization", SECRET), "body", Map.of("a", 1))));

        assertThat(result).containsEntry("status", 200);
        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.authorization()).isEqualTo(SECRET);
            assertThat(request.body()).isEmpty();
        });
    }

    @Test
    void drops_credentials_when_a_redirect_leads_to_another_origin() throws Exception {
        received.clear();

        handler.execute(new RecordingTaskContext(Map.of(
                        "url", base + "/redirect-elsewhere", "headers", Map.of("Authorization", SECRET), "body", "b"))
                .provider("billing"));

        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.body()).isEqualTo("b");
            assertThat(request.authorization()).isNull();
        });
    }

    @Test
    void checks_every_redirect_against_the_policy() {
        PermanentTaskException refused =
                fails(PermanentTaskException.class, Map.of("url", base + "/redirect-to-engine"));

        assertThat(refused.error().type()).isEqualTo("url_refused");
        assertThat(refused.getMessage()).contains("this engine's own address and port");
    }

    @Test
    void gives_up_after_too_many_redirects() {
        PermanentTaskException failure = fails(PermanentTaskException.class, Map.of("url", base + "/redirect-forever"));

        assertThat(failure.error().httpStatus()).isEqualTo(302);
    }

    @Test
    void sends_the_providers_configured_credentials_in_place_of_the_tasks_own() throws Exception {
        received.clear();

        handler.execute(
                new RecordingTaskContext(Map.of("url", base + "/ok", "headers", Map.of("authorization", SECRET)))
                        .provider("billing"));

        assertThat(received).singleElement().extracting(Recorded::authorization).isEqualTo("Bearer configured");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "http://127.0.0.1:65000/actuator/health, this engine's own address and port",
        "http://localhost:65000/, this engine's own address and port",
        "http://[::1]:65000/, this engine's own address and port",
        "http://0.0.0.0:65000/, this engine's own address and port",
        "http://169.254.169.254/latest/meta-data/, a link-local or cloud metadata address",
        "http://metadata.google.internal/computeMetadata/v1/, a cloud metadata service"
    })
    void refuses_urls_a_task_must_not_call_at_submission(String url, String reason) {
        assertThatThrownBy(() -> handler.validate(Map.of("url", url)))
                .isInstanceOf(InvalidTaskInputException.class)
                .hasMessageStartingWith("input.url ")
                .hasMessageContaining(reason);
    }

    @Test
    void names_calls_without_the_values_of_secret_query_parameters() {
        RetryableTaskException failure =
                fails(RetryableTaskException.class, Map.of("url", base + "/unavailable?page=2&api_token=abc123"));

        assertThat(failure.getMessage())
                .contains("?page=2&api_token=[redacted]")
                .doesNotContain("abc123");
    }

    private static String localhost() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private <T extends Throwable> T fails(Class<T> type, Map<String, Object> input) {
        return catchThrowableOfType(type, () -> handler.execute(new RecordingTaskContext(input)));
    }

    private static void record(HttpExchange exchange) throws IOException {
        received.add(new Recorded(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // the client gave up, as some tests make it do
        }
        exchange.close();
    }
}
