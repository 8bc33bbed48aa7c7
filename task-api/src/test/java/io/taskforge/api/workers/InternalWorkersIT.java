package io.taskforge.api.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.support.ApiClient;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ExecutionIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Seed 002's internal pool control changes what this node runs: scale 3 -> 5 -> 1, stop, start. */
@TestPropertySource(properties = {"taskforge.execution.workers=3", "taskforge.execution.no-progress-stall-after=1h"})
class InternalWorkersIT extends ExecutionIntegrationTest {

    private static final Duration CHANGE = Duration.ofSeconds(15);
    private static final String POOL = "/api/v1/workers/internal";

    @Test
    void scaling_stopping_and_starting_the_pool_change_what_runs() {
        JsonNode initial = admin().get(POOL + "/status").body();
        assertThat(initial.path("running").asBoolean()).isTrue();
        assertThat(initial.path("num_workers").asInt()).isEqualTo(3);
        assertThat(initial.path("workers").findValuesAsText("status")).containsExactly("idle", "idle", "idle");
        String problem = "pool-" + UUID.randomUUID();
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tasks.add(submit(Map.of("type", "sleep", "problem_id", problem, "input", Map.of("millis", 4_000))));
        }

        awaitRunning(problem, 3);
        assertThat(busy(admin().get(POOL + "/status").body())).isEqualTo(3);

        Answer up = admin().post(POOL + "/scale", Map.of("num_workers", 5));
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.text("message")).isEqualTo("Workers scaled successfully");
        assertThat(up.body().path("previous_count").asInt()).isEqualTo(3);
        assertThat(up.body().path("new_count").asInt()).isEqualTo(5);
        awaitRunning(problem, 5);

        Answer down = admin().post(POOL + "/scale", Map.of("num_workers", 1));
        assertThat(down.body().path("previous_count").asInt()).isEqualTo(5);
        assertThat(down.body().path("new_count").asInt()).isEqualTo(1);
        assertThat(admin().get(POOL + "/status").body().path("workers").findValuesAsText("status"))
                .contains("stopping");
        awaitRunning(problem, 1);
        JsonNode one = admin().get(POOL + "/status").body();
        assertThat(one.path("num_workers").asInt()).isEqualTo(1);
        assertThat(one.path("workers")).hasSize(1);
        assertThat(one.path("workers").get(0).path("current_task").asText()).isIn(tasks);

        Answer stopped = admin().post(POOL + "/stop");
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.text("message")).isEqualTo("Workers stopped");
        assertThat(stopped.body().path("stopped_count").asInt()).isEqualTo(1);
        awaitRunning(problem, 0);
        long pendingWhileStopped = count(problem, "pending");
        assertThat(pendingWhileStopped).isPositive();
        assertThat(admin().get(POOL + "/status").body().path("running").asBoolean())
                .isFalse();
        JsonNode health = api(null).get("/health").body().path("workers");
        assertThat(health.path("offline").asInt()).isEqualTo(1);
        assertThat(api(null).get("/ready").body().path("workers").asBoolean()).isFalse();

        Answer started = admin().post(POOL + "/start");
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.text("message")).isEqualTo("Workers started");
        assertThat(started.body().path("worker_count").asInt()).isEqualTo(1);
        awaitRunning(problem, 1);
        assertThat(api(null).get("/ready").body().path("workers").asBoolean()).isTrue();
        assertThat(admin().post(POOL + "/scale", Map.of("num_workers", 3)).status())
                .isEqualTo(200);
        tasks.forEach(id -> operator().post("/api/v1/tasks/" + id + "/cancel"));
    }

    @Test
    void only_admin_keys_control_the_pool_and_bad_sizes_are_refused() {
        assertThat(operator().post(POOL + "/stop").status()).isEqualTo(403);
        assertThat(operator().post(POOL + "/scale", Map.of("num_workers", 2)).status())
                .isEqualTo(403);
        assertThat(api(VIEWER_KEY).get(POOL + "/status").status()).isEqualTo(200);
        Answer negative = admin().post(POOL + "/scale", Map.of("num_workers", -1));
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.text("request_id")).isNotBlank();
        assertThat(admin().post(POOL + "/scale", Map.of()).status()).isEqualTo(422);
        assertThat(admin().post(POOL + "/scale", Map.of("num_workers", "five")).status())
                .isEqualTo(422);
    }

    private void awaitRunning(String problem, int expected) {
        await().atMost(CHANGE)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(count(problem, "running")).isEqualTo(expected));
    }

    private long count(String problem, String status) {
        JsonNode listed = operator()
                .get("/api/v1/tasks?problem_id=" + problem + "&status=" + status + "&limit=100")
                .body();
        return StreamSupport.stream(listed.spliterator(), false).count();
    }

    private static long busy(JsonNode status) {
        return status.path("workers").findValuesAsText("status").stream()
                .filter("busy"::equals)
                .count();
    }

    private ApiClient admin() {
        return api(ADMIN_KEY);
    }
}
