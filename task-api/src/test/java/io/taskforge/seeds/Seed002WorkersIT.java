package io.taskforge.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.support.ApiClient;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ExecutionIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Seed 002's worker examples, call by call: the documented bodies, sent with a worker key (or an
 * admin key for pool control), answer with the documented fields.
 */
class Seed002WorkersIT extends ExecutionIntegrationTest {

    private static final String POOL = "/api/v1/workers/internal";

    /**
     * {@code POST /api/v1/workers/register}, {@code .../heartbeat}, {@code .../claim}, then {@code
     * curl http://localhost:8000/api/v1/workers}; the internal pool is stopped meanwhile, so that the
     * seed's task waits for the external worker.
     */
    @Test
    void register_heartbeat_claim_and_list_a_worker() {
        assertThat(admin().post(POOL + "/stop").status()).isEqualTo(200);
        try {
            Answer registered = worker().post(
                            "/api/v1/workers/register",
                            Map.of(
                                    "worker_id",
                                    "worker-002-kind",
                                    "backend_type",
                                    "kind",
                                    "capabilities",
                                    Map.of(
                                            "max_parallel_tasks",
                                            5,
                                            "supported_problems",
                                            List.of("test-*", "benchmark-*"))));
            assertThat(registered.status()).isEqualTo(201);
            assertThat(registered.text("id")).isEqualTo("worker-002-kind");
            assertThat(registered.text("backend_type")).isEqualTo("kind");
            assertThat(registered.text("status")).isEqualTo("idle");
            assertThat(Instant.parse(registered.text("registered_at"))).isNotNull();

            Map<String, Object> idle = new HashMap<>();
            idle.put("status", "idle");
            idle.put("current_task_id", null);
            Answer heartbeat = worker().post("/api/v1/workers/worker-002-kind/heartbeat", idle);
            assertThat(heartbeat.status()).isEqualTo(200);
            assertThat(heartbeat.text("message")).isEqualTo("Heartbeat received");
            assertThat(Instant.parse(heartbeat.text("timestamp"))).isNotNull();

            String taskId = operator()
                    .post(
                            "/api/v1/tasks",
                            Map.of(
                                    "problem_id",
                                    "test-problem-001",
                                    "parameters",
                                    Map.of("max_steps", 30, "timeout", 1800)))
                    .text("id");
            Answer claimed = worker().post("/api/v1/workers/worker-002-kind/claim");
            assertThat(claimed.status()).isEqualTo(200);
            assertThat(claimed.text("id")).isEqualTo(taskId);
            assertThat(claimed.text("problem_id")).isEqualTo("test-problem-001");
            assertThat(claimed.text("status")).isEqualTo("running");
            assertThat(claimed.body().path("parameters").path("max_steps").asInt())
                    .isEqualTo(30);
            assertThat(worker().post("/api/v1/workers/worker-002-kind/claim").status())
                    .isEqualTo(204);

            // the workers list is a read model: it shows the registration a moment later
            JsonNode seedWorker = await().atMost(Duration.ofSeconds(20))
                    .until(() -> listed("worker-002-kind"), Optional::isPresent)
                    .orElseThrow();
            assertThat(fieldNames(seedWorker))
                    .contains(
                            "id",
                            "backend_type",
                            "status",
                            "last_heartbeat",
                            "capabilities",
                            "tasks_completed",
                            "tasks_failed");
            assertThat(seedWorker
                            .path("capabilities")
                            .path("max_parallel_tasks")
                            .asInt())
                    .isEqualTo(5);
            assertThat(worker().post(
                                    "/api/v1/workers/worker-002-kind/tasks/" + taskId + "/complete",
                                    Map.of(
                                            "fencing_token",
                                            claimed.body().path("fencing_token").asInt(),
                                            "result",
                                            Map.of()))
                            .status())
                    .isEqualTo(200);
        } finally {
            admin().post(POOL + "/start");
        }
    }

    /** {@code GET /api/v1/workers/internal/status}, {@code curl -X POST .../scale -d '{"num_workers": 5}'}, stop, start. */
    @Test
    void internal_worker_control() {
        Answer status = api(VIEWER_KEY).get(POOL + "/status");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body().path("running").asBoolean()).isTrue();
        int workers = status.body().path("num_workers").asInt();
        assertThat(status.body().path("workers")).hasSize(workers);
        assertThat(fieldNames(status.body().path("workers").get(0))).contains("id", "status", "current_task");

        Answer scaled = admin().post(POOL + "/scale", Map.of("num_workers", 5));
        assertThat(scaled.status()).isEqualTo(200);
        assertThat(scaled.text("message")).isEqualTo("Workers scaled successfully");
        assertThat(scaled.body().path("previous_count").asInt()).isEqualTo(workers);
        assertThat(scaled.body().path("new_count").asInt()).isEqualTo(5);

        Answer stopped = admin().post(POOL + "/stop");
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.text("message")).isEqualTo("Workers stopped");
        assertThat(stopped.body().path("stopped_count").asInt()).isEqualTo(5);

        Answer started = admin().post(POOL + "/start");
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.text("message")).isEqualTo("Workers started");
        assertThat(started.body().path("worker_count").asInt()).isEqualTo(5);
        admin().post(POOL + "/scale", Map.of("num_workers", workers));
    }

    private Optional<JsonNode> listed(String workerId) {
        Answer listed = api(VIEWER_KEY).get("/api/v1/workers");
        assertThat(listed.status()).isEqualTo(200);
        for (JsonNode each : listed.body()) {
            if (each.path("id").asText().equals(workerId)) {
                return Optional.of(each);
            }
        }
        return Optional.empty();
    }

    private ApiClient worker() {
        return api(WORKER_KEY);
    }

    private ApiClient admin() {
        return api(ADMIN_KEY);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
