package io.taskforge.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.support.ExecutionIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The log endpoint serves what the engine itself wrote while running a task. */
class AttemptLogIT extends ExecutionIntegrationTest {

    private static final Duration FINISH = Duration.ofSeconds(20);

    @Test
    void serves_the_lines_a_real_attempt_wrote() {
        String id = operator().post("/api/v1/tasks", Map.of("type", "noop")).text("id");

        JsonNode lines = await().atMost(FINISH)
                .until(() -> operator().get("/api/v1/tasks/" + id + "/logs").body(), body -> body.size() >= 2);

        assertThat(lines.get(0).path("message").asText()).startsWith("attempt 1 started on ");
        assertThat(lines.get(0).path("level").asText()).isEqualTo("info");
        assertThat(lines.get(0).path("attempt").asInt()).isEqualTo(1);
        assertThat(lines.get(1).path("message").asText()).isEqualTo("attempt 1 succeeded");
    }
}
