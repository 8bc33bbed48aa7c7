package io.taskforge.api.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.support.ExecutionIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * AUTO_START_WORKERS=false: the pool starts stopped, runs nothing, and starts over the API; an
 * external worker counts in {@code /health} and {@code /ready} meanwhile.
 */
@TestPropertySource(
        properties = {
            "taskforge.execution.enabled=false",
            "taskforge.execution.workers=2",
            "taskforge.workers.offline-after=1h"
        })
class StoppedPoolIT extends ExecutionIntegrationTest {

    @Test
    void a_pool_that_does_not_start_by_itself_runs_tasks_once_started() throws Exception {
        JsonNode status = api(VIEWER_KEY).get("/api/v1/workers/internal/status").body();
        assertThat(status.path("running").asBoolean()).isFalse();
        assertThat(status.path("num_workers").asInt()).isEqualTo(2);
        assertThat(status.path("workers").findValuesAsText("status")).containsExactly("stopped", "stopped");
        JsonNode health = api(null).get("/health").body().path("workers");
        assertThat(health.path("offline").asInt()).isEqualTo(2);
        assertThat(api(null).get("/ready").body().path("workers").asBoolean()).isFalse();
        new ExternalWorker(api(WORKER_KEY), "stopped-pool-helper").register("kind", 1, List.of("nothing-*"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api(null).get("/ready").body().path("workers").asBoolean());
        JsonNode withExternal = api(null).get("/health").body().path("workers");
        assertThat(withExternal.path("total").asInt()).isEqualTo(3);
        assertThat(withExternal.path("idle").asInt()).isEqualTo(1);
        assertThat(withExternal.path("offline").asInt()).isEqualTo(2);
        String taskId = submit(Map.of("type", "noop"));
        Thread.sleep(1_500);
        assertThat(operator().get("/api/v1/tasks/" + taskId).text("status")).isEqualTo("pending");

        var started = api(ADMIN_KEY).post("/api/v1/workers/internal/start");

        assertThat(started.body().path("worker_count").asInt()).isEqualTo(2);
        assertThat(awaitFinished(taskId).path("status").asText()).isEqualTo("completed");
        assertThat(api(ADMIN_KEY)
                        .post("/api/v1/workers/internal/stop")
                        .body()
                        .path("stopped_count")
                        .asInt())
                .isEqualTo(2);
    }
}
