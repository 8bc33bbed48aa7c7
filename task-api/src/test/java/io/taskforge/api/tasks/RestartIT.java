package io.taskforge.api.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.TaskforgeApplication;
import io.taskforge.support.ApiClient;
import io.taskforge.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops the engine and starts it again on the same database: every task is still there, once,
 * and work that was pending when the first engine stopped runs on the second.
 */
class RestartIT {

    private static final String KEY = "restart-key";
    private static final String TASKS = "/api/v1/tasks";

    @TempDir
    static Path h2Directory;

    static List<Arguments> databases() {
        return List.of(
                Arguments.of("PostgreSQL", TestDatabase.create(), TestDatabase.USER, TestDatabase.PASSWORD),
                Arguments.of(
                        "H2",
                        "jdbc:h2:file:" + h2Directory.resolve("taskforge") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "sa",
                        ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void keeps_every_task_across_a_restart(String name, String url, String user, String password) {
        String problem = "restart-" + UUID.randomUUID();
        List<JsonNode> before = new ArrayList<>();
        try (ConfigurableApplicationContext engine = start(url, user, password, false)) {
            ApiClient api = client(engine);
            for (int i = 0; i < 3; i++) {
                before.add(api.post(TASKS, Map.of("type", "noop", "problem_id", problem, "description", "task " + i))
                        .body());
            }
            api.post(TASKS + "/" + before.get(0).path("id").asText() + "/cancel");
            before.set(0, awaitStatus(api, before.get(0).path("id").asText(), "cancelled"));
        }

        try (ConfigurableApplicationContext engine = start(url, user, password, true)) {
            ApiClient api = client(engine);
            JsonNode cancelled = before.get(0);

            assertThat(list(api, problem)).hasSize(3);
            assertThat(api.get(TASKS + "/" + cancelled.path("id").asText()).body())
                    .isEqualTo(cancelled);
            for (JsonNode pending : before.subList(1, 3)) {
                JsonNode ran = awaitStatus(api, pending.path("id").asText(), "completed");
                assertThat(ran.path("created_at")).isEqualTo(pending.path("created_at"));
                assertThat(ran.path("attempts").asInt()).isEqualTo(1);
            }
            assertThat(api.post(TASKS + "/" + cancelled.path("id").asText() + "/cancel")
                            .status())
                    .isEqualTo(409);
            assertThat(list(api, problem)).hasSize(3);
        }
    }

    @Test
    void a_retry_scheduled_before_a_restart_fires_after_it() {
        String url = TestDatabase.create();
        String id;
        JsonNode waiting;
        try (ConfigurableApplicationContext engine = start(url, TestDatabase.USER, TestDatabase.PASSWORD, true)) {
            ApiClient api = client(engine);
            var body = Map.of(
                    "type", "fail",
                    "input", Map.of("times", 1, "retryable", true),
                    "retry", Map.of("max_attempts", 3, "base_delay_ms", 4_000, "max_delay_ms", 4_000, "jitter", 0));
            id = api.post(TASKS, body).text("id");
            waiting = awaitStatus(api, id, "retry_scheduled");
        }

        try (ConfigurableApplicationContext engine = start(url, TestDatabase.USER, TestDatabase.PASSWORD, true)) {
            JsonNode done = awaitStatus(client(engine), id, "completed");

            assertThat(done.path("attempts").asInt()).isEqualTo(2);
            Instant due = Instant.parse(waiting.path("next_retry_at").asText());
            assertThat(Instant.parse(done.path("updated_at").asText())).isAfterOrEqualTo(due);
        }
    }

    private static ConfigurableApplicationContext start(String url, String user, String password, boolean execute) {
        return new SpringApplicationBuilder(TaskforgeApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password,
                        "--taskforge.api-keys=" + KEY + ":admin",
                        "--taskforge.execution.enabled=" + execute);
    }

    private static ApiClient client(ConfigurableApplicationContext engine) {
        return new ApiClient("http://127.0.0.1:" + engine.getEnvironment().getProperty("local.server.port"), KEY);
    }

    private static JsonNode awaitStatus(ApiClient api, String id, String status) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> api.get(TASKS + "/" + id).body(),
                        task -> task.path("status").asText().equals(status));
    }

    private static List<JsonNode> list(ApiClient api, String problem) {
        JsonNode list = api.get(TASKS + "?problem_id=" + problem).body();
        return StreamSupport.stream(list.spliterator(), false).toList();
    }
}
