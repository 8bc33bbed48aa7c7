package io.taskforge.api.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.support.ExecutionIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The log endpoint serves the engine's lines about a task's attempts, kept from the task's events. */
class AttemptLogIT extends ExecutionIntegrationTest {

    private static final Duration FINISH = Duration.ofSeconds(20);

    @Test
    void tells_how_a_successful_attempt_went() {
        String id = operator().post("/api/v1/tasks", Map.of("type", "noop")).text("id");

        JsonNode lines = await().atMost(FINISH).until(() -> logOf(id), body -> body.size() >= 2);

        assertThat(lines.get(0).path("message").asText()).startsWith("attempt 1 started on ");
        assertThat(lines.get(0).path("level").asText()).isEqualTo("info");
        assertThat(lines.get(0).path("attempt").asInt()).isEqualTo(1);
        assertThat(lines.get(0).path("context").path("worker_id").asText()).isNotBlank();
        assertThat(lines.get(1).path("message").asText()).startsWith("attempt 1 succeeded in ");
    }

    @Test
    void tells_why_a_task_failed_for_good() {
        String id = operator()
                .post(
                        "/api/v1/tasks",
                        Map.of(
                                "type",
                                "fail",
                                "input",
                                Map.of("error_type", "card_declined", "message", "declined", "retryable", false)))
                .text("id");

        JsonNode lines = await().atMost(FINISH).until(() -> logOf(id), body -> body.size() >= 4);

        assertThat(messages(lines))
                .satisfiesExactly(
                        started -> assertThat(started).startsWith("attempt 1 started on "),
                        failed -> assertThat(failed)
                                .contains("attempt 1 failed after")
                                .endsWith("card_declined: declined"),
                        failedForGood -> assertThat(failedForGood).startsWith("failed after 1 attempt(s)"),
                        deadLettered -> assertThat(deadLettered).startsWith("moved to the dead letter queue"));
        assertThat(lines.get(1).path("level").asText()).isEqualTo("error");
        assertThat(lines.get(1).path("context").path("classification").asText()).isEqualTo("permanent");
        assertThat(lines.get(3).path("attempt").isNull()).isTrue();
        assertThat(logOf(id, "?level=error")).hasSize(3);
    }

    private JsonNode logOf(String id) {
        return logOf(id, "");
    }

    private JsonNode logOf(String id, String query) {
        return operator().get("/api/v1/tasks/" + id + "/logs" + query).body();
    }

    private static List<String> messages(JsonNode lines) {
        List<String> messages = new ArrayList<>();
        lines.forEach(line -> messages.add(line.path("message").asText()));
        return messages;
    }
}
