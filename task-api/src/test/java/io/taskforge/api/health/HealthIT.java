package io.taskforge.api.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.support.ApiClient;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ApiIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /health}, {@code /ready} and {@code /metrics} on a node that runs no tasks. */
class HealthIT extends ApiIntegrationTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(20);
    private static final int DEFAULT_WORKERS = 10;

    @Test
    void reports_health_without_a_key() {
        Answer health = anonymous().get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("healthy");
        assertThat(health.text("version")).isNotBlank();
        assertThat(health.text("timestamp")).endsWith("Z");
        assertThat(Instant.parse(health.text("timestamp")))
                .isBefore(Instant.now().plusSeconds(1));
        JsonNode database = health.body().path("database");
        assertThat(database.path("connected").asBoolean()).isTrue();
        assertThat(database.path("latency_ms").isNumber()).isTrue();
        assertThat(database.path("latency_ms").asDouble()).isGreaterThanOrEqualTo(0.0);
        assertThat(health.body().path("reasons").isArray()).isTrue();
        assertThat(health.body().path("reasons")).isEmpty();
        JsonNode queue = health.body().path("queue");
        assertThat(queue.path("pending").isIntegralNumber()).isTrue();
        assertThat(queue.path("running").isIntegralNumber()).isTrue();
        assertThat(queue.path("completed").isIntegralNumber()).isTrue();
    }

    @Test
    void reports_every_worker_slot_offline_when_the_node_runs_no_tasks() {
        JsonNode workers = anonymous().get("/health").body().path("workers");

        assertThat(workers.path("total").asInt()).isEqualTo(DEFAULT_WORKERS);
        assertThat(workers.path("idle").asInt()).isZero();
        assertThat(workers.path("busy").asInt()).isZero();
        assertThat(workers.path("offline").asInt()).isEqualTo(DEFAULT_WORKERS);
    }

    @Test
    void counts_new_tasks_as_pending_in_the_queue() {
        long before =
                anonymous().get("/health").body().path("queue").path("pending").asLong();

        assertThat(operator().post("/api/v1/tasks", Map.of("type", "noop")).status())
                .isEqualTo(201);

        await().atMost(CATCH_UP)
                .until(() -> anonymous()
                                .get("/health")
                                .body()
                                .path("queue")
                                .path("pending")
                                .asLong()
                        == before + 1);
    }

    @Test
    void is_ready_without_workers() {
        Answer ready = anonymous().get("/ready");

        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body().path("ready").asBoolean()).isTrue();
        assertThat(ready.body().path("database").asBoolean()).isTrue();
        assertThat(ready.body().path("workers").asBoolean()).isFalse();
    }

    @Test
    void serves_prometheus_metrics_without_a_key() {
        Answer metrics = anonymous().get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(
                        type -> assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
        String text = metrics.body().asText();
        assertThat(text).contains("# TYPE taskforge_tasks gauge");
        assertThat(text).containsPattern("(?m)^taskforge_tasks\\{status=\"pending\"} \\d+\\.\\d+$");
        assertThat(text).containsPattern("(?m)^taskforge_tasks_in_dlq \\d+\\.\\d+$");
        assertThat(text).containsPattern("(?m)^taskforge_tasks_submitted_total \\d+\\.\\d+$");
        assertThat(text).containsPattern("(?m)^taskforge_tasks_run_seconds_count \\d");
        assertThat(text).containsPattern("(?m)^taskforge_tasks_run_seconds_sum \\d");
        assertThat(text).contains("taskforge_workers_slots " + DEFAULT_WORKERS + ".0");
        assertThat(text).contains("taskforge_workers_busy 0.0");
        assertThat(text).contains("taskforge_workers_offline " + DEFAULT_WORKERS + ".0");
        assertThat(text).contains("jvm_memory_used_bytes");
    }

    @Test
    void counts_submitted_tasks_in_the_metrics() {
        double before = metric("taskforge_tasks_submitted_total");

        operator().post("/api/v1/tasks", Map.of("type", "noop"));

        await().atMost(CATCH_UP).until(() -> metric("taskforge_tasks_submitted_total") == before + 1);
    }

    private double metric(String line) {
        String text = anonymous().get("/metrics").body().asText();
        return text.lines()
                .filter(candidate -> candidate.startsWith(line + " "))
                .map(candidate -> Double.parseDouble(candidate.substring(line.length() + 1)))
                .findFirst()
                .orElseThrow();
    }

    private ApiClient anonymous() {
        return api(null);
    }
}
