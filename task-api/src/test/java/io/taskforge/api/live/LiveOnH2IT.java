package io.taskforge.api.live;

import static io.taskforge.api.live.LiveWebSocketIT.completionOf;
import static io.taskforge.api.live.LiveWebSocketIT.ofTask;
import static io.taskforge.api.live.LiveWebSocketIT.sequences;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.TaskforgeApplication;
import io.taskforge.support.ApiClient;
import io.taskforge.support.LiveClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Live updates on the embedded default, H2, where the event store and the token table are H2's. */
class LiveOnH2IT {

    private static final String KEY = "h2-key";

    @TempDir
    Path h2Directory;

    @Test
    void a_task_arrives_change_by_change_with_the_task_as_it_ends() {
        try (ConfigurableApplicationContext engine = new SpringApplicationBuilder(TaskforgeApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:" + h2Directory.resolve("taskforge")
                                + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--spring.datasource.username=sa",
                        "--spring.datasource.password=",
                        "--taskforge.api-keys=" + KEY + ":admin")) {
            int port = Integer.parseInt(engine.getEnvironment().getProperty("local.server.port"));
            ApiClient api = new ApiClient("http://127.0.0.1:" + port, KEY);
            try (LiveClient live = LiveClient.connect(port, "/ws/events", KEY)) {
                assertThat(live.next().path("kind").asText()).isEqualTo("subscribed");
                String id = api.post("/api/v1/tasks", Map.of("type", "noop")).text("id");

                List<JsonNode> ofTask = ofTask(live.until(completionOf(id)), id);

                int stored = api.get("/api/v1/tasks/" + id + "/timeline")
                        .body()
                        .path("count")
                        .asInt();
                assertThat(sequences(ofTask)).hasSize(stored).isSorted().doesNotHaveDuplicates();
                assertThat(ofTask.getLast().path("task").path("status").asText())
                        .isEqualTo("completed");
            }
        }
    }
}
