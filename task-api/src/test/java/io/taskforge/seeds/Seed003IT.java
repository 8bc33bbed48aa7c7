package io.taskforge.seeds;

import static io.taskforge.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ExecutionIntegrationTest;
import io.taskforge.support.StubProvider;
import io.taskforge.support.StubProvider.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The seed 003 endpoints, replayed against the engine while it runs real tasks. */
class Seed003IT extends ExecutionIntegrationTest {

    private static final String TASKS = "/api/v1/tasks";

    @AutoClose
    private static final StubProvider PROVIDER = new StubProvider();

    @Test
    void the_timeline_shows_every_event_of_a_task_that_healed_itself() {
        String path = "/flaky-" + UUID.randomUUID();
        PROVIDER.script(path, List.of(Reply.of(503, "busy"), Reply.of(200, "{\"ok\": true}")));
        String id = submitHttp(path, "timeline-" + UUID.randomUUID());
        awaitStatus(id, "completed");

        // the timeline is a read model of its own, which may be a moment behind the task view
        Answer timeline = await().atMost(FINISH)
                .until(
                        () -> operator().get(TASKS + "/" + id + "/timeline"),
                        answer -> values(answer.body().path("events"), "type").contains("task_completed"));

        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.text("task_id")).isEqualTo(id);
        List<String> types = values(timeline.body().path("events"), "type");
        assertThat(types)
                .containsSubsequence(
                        "task_created",
                        "task_started",
                        "attempt_started",
                        "attempt_failed",
                        "task_retried",
                        "attempt_started",
                        "attempt_success",
                        "task_completed");
        assertThat(timeline.body().path("count").asInt()).isEqualTo(types.size());
        JsonNode failed = event(timeline, "attempt_failed");
        assertThat(failed.path("severity").asText()).isEqualTo("error");
        assertThat(failed.path("timestamp").asText()).endsWith("Z");
        assertThat(failed.path("data").path("error").path("http_status").asInt())
                .isEqualTo(503);
        assertThat(failed.path("data").path("classification").asText()).isEqualTo("RETRYABLE");
        JsonNode retried = event(timeline, "task_retried");
        assertThat(retried.path("severity").asText()).isEqualTo("info");
        assertThat(retried.path("data").path("delay_millis").asLong()).isPositive();
        assertThat(retried.path("data").path("due_at").asText()).isNotBlank();
        assertThat(retried.path("data").path("reason").asText()).startsWith("exponential backoff");
    }

    @Test
    void attempts_carry_timing_errors_classification_and_circuit_state() {
        String path = "/twice-" + UUID.randomUUID();
        PROVIDER.script(path, List.of(Reply.of(503, "busy"), Reply.of(200, "{}")));
        String id = submitHttp(path, "attempts-" + UUID.randomUUID());
        awaitStatus(id, "completed");

        Answer attempts = operator().get(TASKS + "/" + id + "/attempts");

        assertThat(attempts.status()).isEqualTo(200);
        assertThat(attempts.body().path("count").asInt()).isEqualTo(2);
        JsonNode first = attempts.body().path("attempts").get(0);
        assertThat(first.path("attempt").asInt()).isEqualTo(1);
        assertThat(first.path("outcome").asText()).isEqualTo("failed");
        assertThat(first.path("error_type").asText()).isEqualTo("http_error");
        assertThat(first.path("http_status").asInt()).isEqualTo(503);
        assertThat(first.path("classification").asText()).isEqualTo("retryable");
        assertThat(first.path("circuit_state").asText()).isEqualTo("closed");
        assertThat(first.path("worker_id").asText()).startsWith("node-");
        assertThat(first.path("duration_ms").isNumber()).isTrue();
        assertThat(first.path("started_at").asText()).endsWith("Z");
        JsonNode second = attempts.body().path("attempts").get(1);
        assertThat(second.path("outcome").asText()).isEqualTo("succeeded");
        assertThat(second.path("error_type").isNull()).isTrue();
    }

    @Test
    void a_dead_lettered_task_is_listed_and_retried_from_the_dlq() {
        String path = "/rejects-then-accepts-" + UUID.randomUUID();
        String provider = "dlq-" + UUID.randomUUID();
        PROVIDER.script(path, List.of(Reply.of(400, "{\"error\": \"bad card\"}"), Reply.of(200, "{}")));
        String id = submitHttp(path, provider);
        awaitStatus(id, "failed");

        JsonNode listed = await().until(
                        () -> operator()
                                .get("/api/v1/failed-tasks?status=pending&agent=" + provider)
                                .body(),
                        page -> page.path("count").asInt() == 1);
        JsonNode entry = listed.path("tasks").get(0);
        assertThat(entry.path("task_id").asText()).isEqualTo(id);
        assertThat(entry.path("provider").asText()).isEqualTo(provider);
        assertThat(entry.path("type").asText()).isEqualTo("http");
        assertThat(entry.path("error_type").asText()).isEqualTo("http_error");
        assertThat(entry.path("http_status").asInt()).isEqualTo(400);
        assertThat(entry.path("reason").asText()).isEqualTo("permanent error");
        assertThat(entry.path("alert_severity").asText()).isEqualTo("medium");
        assertThat(entry.path("attempts").asInt()).isEqualTo(1);
        assertThat(operator()
                        .get("/api/v1/failed-tasks?agent=http")
                        .body()
                        .path("count")
                        .asInt())
                .isPositive();
        assertError(operator().get("/api/v1/failed-tasks?status=lost"), 400, "bad_request");

        Answer retried = operator().post("/api/v1/failed-tasks/" + id + "/retry");

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().path("success").asBoolean()).isTrue();
        assertThat(retried.text("task_id")).isEqualTo(id);
        JsonNode healed = awaitStatus(id, "completed");
        assertThat(healed.path("in_dlq").asBoolean()).isFalse();
        assertThat(healed.path("attempts").asInt()).isEqualTo(2);
        await().until(
                        () -> operator()
                                .get("/api/v1/failed-tasks?status=retried&agent=" + provider)
                                .body(),
                        page -> page.path("count").asInt() == 1);
        assertError(operator().post("/api/v1/failed-tasks/" + id + "/retry"), 409, "conflict");
        assertError(operator().post("/api/v1/failed-tasks/" + UUID.randomUUID() + "/retry"), 404, "not_found");
    }

    @Test
    void manual_retry_runs_a_cancelled_task_and_refuses_unfinished_ones() {
        String id = operator()
                .post(TASKS, Map.of("type", "sleep", "input", Map.of("millis", 60_000)))
                .text("id");
        awaitStatus(id, "running");

        assertError(operator().post(TASKS + "/" + id + "/retry"), 409, "not_requeueable");
        operator().post(TASKS + "/" + id + "/cancel");
        awaitStatus(id, "cancelled");
        Answer retried = operator().post(TASKS + "/" + id + "/retry");

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.text("status")).isEqualTo("pending");
        awaitStatus(id, "running");
        await().atMost(FINISH).untilAsserted(() -> assertThat(values(
                        operator().get(TASKS + "/" + id + "/timeline").body().path("events"), "type"))
                .containsSubsequence("task_cancelled", "task_requeued", "task_started", "attempt_started"));
        assertThat(operator()
                        .get(TASKS + "/" + id + "/attempts")
                        .body()
                        .path("attempts")
                        .get(0)
                        .path("outcome")
                        .asText())
                .isEqualTo("cancelled");
        assertError(operator().post(TASKS + "/" + UUID.randomUUID() + "/retry"), 404, "not_found");
        assertError(operator().get(TASKS + "/" + UUID.randomUUID() + "/timeline"), 404, "not_found");
        assertError(operator().get(TASKS + "/" + UUID.randomUUID() + "/attempts"), 404, "not_found");
        operator().post(TASKS + "/" + id + "/cancel");
    }

    @Test
    void the_monitoring_health_reports_depth_counts_rates_and_breakers() {
        Answer health = operator().get("/api/v1/tasks/monitoring/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isIn("healthy", "degraded");
        assertThat(health.body().path("queue_depth").isNumber()).isTrue();
        for (String count : List.of(
                "pending", "running", "retry_scheduled", "completed", "failed", "timeout", "cancelled", "in_dlq")) {
            assertThat(health.body().path("counts").path(count).isNumber())
                    .as(count)
                    .isTrue();
        }
        assertThat(health.body().path("failure_rate").asDouble()).isBetween(0.0, 100.0);
        assertThat(health.body().path("avg_execution_time_ms").isNumber()).isTrue();
        assertThat(health.body().path("open_circuit_breakers").isArray()).isTrue();
        assertThat(health.text("timestamp")).endsWith("Z");
    }

    @Test
    void every_seed_003_endpoint_needs_a_key() {
        String id = UUID.randomUUID().toString();
        assertError(api(null).get(TASKS + "/" + id + "/timeline"), 401, "unauthorized");
        assertError(api(null).get(TASKS + "/" + id + "/attempts"), 401, "unauthorized");
        assertError(api(null).post(TASKS + "/" + id + "/retry"), 401, "unauthorized");
        assertError(api(null).get("/api/v1/tasks/monitoring/health"), 401, "unauthorized");
        assertError(api(null).get("/api/v1/failed-tasks"), 401, "unauthorized");
        assertError(api(null).post("/api/v1/failed-tasks/" + id + "/retry"), 401, "unauthorized");
        assertError(api(VIEWER_KEY).post(TASKS + "/" + id + "/retry"), 403, "forbidden");
    }

    private String submitHttp(String path, String provider) {
        var body = Map.of(
                "type",
                "http",
                "provider",
                provider,
                "input",
                Map.of("method", "POST", "url", PROVIDER.url(path), "body", Map.of("n", 1)),
                "retry",
                Map.of("max_attempts", 3, "base_delay_ms", 100));
        return operator().post(TASKS, body).text("id");
    }

    private JsonNode awaitStatus(String id, String status) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> operator().get(TASKS + "/" + id).body(),
                        task -> task.path("status").asText().equals(status));
    }

    private static JsonNode event(Answer timeline, String type) {
        return StreamSupport.stream(timeline.body().path("events").spliterator(), false)
                .filter(event -> event.path("type").asText().equals(type))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> values(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(node -> node.path(field).asText())
                .toList();
    }
}
