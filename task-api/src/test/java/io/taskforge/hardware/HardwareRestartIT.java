package io.taskforge.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.TaskforgeApplication;
import io.taskforge.support.ApiClient;
import io.taskforge.support.TaskJson;
import io.taskforge.support.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops an engine that runs the demo panel and starts another on the same database: the first
 * engine's loops end cancelled by its shutdown, and the second runs loops of its own.
 */
class HardwareRestartIT {

    private static final String KEY = "hardware-restart-key";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void a_shutdown_cancels_the_loops_and_the_next_start_runs_new_ones() {
        String url = TestDatabase.create();
        List<String> firstLoops;
        try (ConfigurableApplicationContext engine = start(url)) {
            firstLoops = awaitLoops(client(engine));
        }

        try (ConfigurableApplicationContext engine = start(url)) {
            ApiClient api = client(engine);
            List<String> secondLoops = awaitLoops(api);

            assertThat(secondLoops).hasSize(2).doesNotContainAnyElementsOf(firstLoops);
            for (String loop : firstLoops) {
                assertThat(api.get("/api/v1/tasks/" + loop).text("status")).isEqualTo("cancelled");
                JsonNode cancelled = TaskJson.list(api.get("/api/v1/tasks/" + loop + "/timeline")
                                .body()
                                .path("events"))
                        .getLast();
                assertThat(cancelled.path("type").asText()).isEqualTo("task_cancelled");
                assertThat(cancelled.path("data").path("reason").asText()).isEqualTo("the engine is shutting down");
            }
        }
    }

    /** The ids of the two loop tasks, once both run and report liveness. */
    private static List<String> awaitLoops(ApiClient api) {
        return await().atMost(PATIENCE)
                .until(
                        () -> TaskJson.list(api.get("/api/v1/system/tasks/active")
                                        .body()
                                        .path("tasks"))
                                .stream()
                                .filter(task -> !task.path("liveness").isNull())
                                .map(task -> task.path("task_id").asText())
                                .toList(),
                        loops -> loops.size() == 2);
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(TaskforgeApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + TestDatabase.USER,
                        "--spring.datasource.password=" + TestDatabase.PASSWORD,
                        "--taskforge.api-keys=" + KEY + ":admin",
                        "--taskforge.execution.heartbeat-interval=300ms",
                        "--taskforge.hardware.enabled=true",
                        "--taskforge.hardware.platform=mock");
    }

    private static ApiClient client(ConfigurableApplicationContext engine) {
        return new ApiClient("http://127.0.0.1:" + engine.getEnvironment().getProperty("local.server.port"), KEY);
    }
}
