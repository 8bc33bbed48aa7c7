package io.taskforge.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.support.ExecutionIntegrationTest;
import io.taskforge.support.LiveClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The WebSocket endpoints over loopback with the JDK's client: messages, order, authentication. */
class LiveWebSocketIT extends ExecutionIntegrationTest {

    @Test
    void every_change_of_a_task_arrives_in_order_with_the_task_as_rest_shows_it() {
        try (LiveClient live = LiveClient.connect(port, "/ws/events", OPERATOR_KEY)) {
            assertThat(live.next().path("kind").asText()).isEqualTo("subscribed");
            String id = submit(Map.of("type", "noop"));

            List<JsonNode> messages =
                    live.until(message -> message.path("task_id").asText().equals(id)
                            && message.path("event").asText().equals("task_completed"));

            List<JsonNode> ofTask = messages.stream()
                    .filter(message -> message.path("task_id").asText().equals(id))
                    .toList();
            assertThat(ofTask)
                    .extracting(message -> message.path("sequence").asLong())
                    .isSorted()
                    .doesNotHaveDuplicates()
                    .startsWith(0L);
            assertThat(ofTask.getFirst().path("event").asText()).isEqualTo("task_created");
            JsonNode completed = ofTask.getLast();
            assertThat(completed.path("kind").asText()).isEqualTo("task_event");
            assertThat(completed.path("topic").asText()).isEqualTo("events");
            assertThat(completed.path("cursor").asText()).isNotBlank();
            assertThat(completed.path("task").path("status").asText()).isEqualTo("completed");
            JsonNode timeline =
                    operator().get("/api/v1/tasks/" + id + "/timeline").body().path("events");
            JsonNode entry = timeline.get(completed.path("sequence").asInt());
            assertThat(completed.path("severity")).isEqualTo(entry.path("severity"));
            assertThat(completed.path("data")).isEqualTo(entry.path("data"));
            assertThat(completed.path("event")).isEqualTo(entry.path("type"));
        }
    }

    @Test
    void a_browser_connects_with_a_short_lived_token_instead_of_a_header() {
        var token = api(VIEWER_KEY).post("/api/v1/live/token");
        assertThat(token.status()).isEqualTo(201);
        assertThat(token.text("expires_at")).isNotBlank();

        try (LiveClient live = LiveClient.connect(port, "/ws/events?token=" + token.text("token"), null)) {
            assertThat(live.next().path("kind").asText()).isEqualTo("subscribed");
        }
        assertThat(LiveClient.refusal(port, "/ws/events?token=" + token.text("token") + "x", null))
                .isEqualTo(401);
    }

    @Test
    void a_handshake_without_a_key_or_with_a_forbidden_topic_is_refused() {
        assertThat(LiveClient.refusal(port, "/ws/events", null)).isEqualTo(401);
        assertThat(LiveClient.refusal(port, "/ws/events", WORKER_KEY)).isEqualTo(403);
        assertThat(LiveClient.refusal(port, "/ws/dashboard/bob", ALICE_KEY)).isEqualTo(403);
        assertThat(LiveClient.refusal(port, "/ws/tasks/" + java.util.UUID.randomUUID(), OPERATOR_KEY))
                .isEqualTo(404);
        assertThat(LiveClient.refusal(port, "/ws/events?after=nonsense", OPERATOR_KEY))
                .isEqualTo(400);
    }
}
