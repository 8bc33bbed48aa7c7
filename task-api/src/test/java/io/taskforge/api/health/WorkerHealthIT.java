package io.taskforge.api.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.support.ExecutionIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker figures of {@code /health}, {@code /ready} and {@code /metrics} on a node that runs tasks. */
class WorkerHealthIT extends ExecutionIntegrationTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(20);
    private static final int WORKERS = 8;

    @Test
    void counts_a_running_attempt_as_a_busy_worker() {
        String id = operator()
                .post("/api/v1/tasks", Map.of("type", "sleep", "input", Map.of("millis", 4000, "steps", 4)))
                .text("id");

        JsonNode workers = await().atMost(CATCH_UP)
                .until(
                        () -> api(null).get("/health").body().path("workers"),
                        w -> w.path("busy").asInt() >= 1);

        assertThat(workers.path("total").asInt()).isEqualTo(WORKERS);
        assertThat(workers.path("offline").asInt()).isZero();
        assertThat(workers.path("idle").asInt())
                .isEqualTo(WORKERS - workers.path("busy").asInt());
        assertThat(api(null).get("/metrics").body().asText()).containsPattern("(?m)^taskforge_workers_busy [1-8]\\.0$");
        operator().post("/api/v1/tasks/" + id + "/cancel");
    }

    @Test
    void is_ready_with_workers() {
        JsonNode ready = api(null).get("/ready").body();

        assertThat(ready.path("ready").asBoolean()).isTrue();
        assertThat(ready.path("workers").asBoolean()).isTrue();
    }
}
