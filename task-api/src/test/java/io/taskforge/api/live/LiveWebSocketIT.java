package io.taskforge.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.support.ExecutionIntegrationTest;
import io.taskforge.support.LiveClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The WebSocket endpoints over loopback with the JDK's client: messages, order, resume, authentication, owners. */
class LiveWebSocketIT extends ExecutionIntegrationTest {

    @Test
    void every_change_of_a_task_arrives_in_order_with_the_task_as_rest_shows_it() {
        try (LiveClient live = LiveClient.connect(port, "/ws/events", OPERATOR_KEY)) {
            assertThat(live.next().path("kind").asText()).isEqualTo("subscribed");
            String id = submit(Map.of("type", "noop"));

            List<JsonNode> ofTask = ofTask(live.until(completionOf(id)), id);

            assertThat(sequences(ofTask)).isEqualTo(storedSequences(id));
            assertThat(ofTask.getFirst().path("event").asText()).isEqualTo("task_created");
            JsonNode completed = ofTask.getLast();
            assertThat(completed.path("kind").asText()).isEqualTo("task_event");
            assertThat(completed.path("topic").asText()).isEqualTo("events");
            assertThat(completed.path("cursor").asText()).isNotBlank();
            assertThat(completed.path("task"))
                    .isEqualTo(
                            withoutStall(operator().get("/api/v1/tasks/" + id).body()));
            JsonNode timeline =
                    operator().get("/api/v1/tasks/" + id + "/timeline").body().path("events");
            for (JsonNode message : ofTask) {
                JsonNode entry = timeline.get(message.path("sequence").asInt());
                assertThat(message.path("event")).isEqualTo(entry.path("type"));
                assertThat(message.path("severity")).isEqualTo(entry.path("severity"));
                assertThat(message.path("timestamp")).isEqualTo(entry.path("timestamp"));
                assertThat(message.path("data")).isEqualTo(entry.path("data"));
            }
        }
    }

    @Test
    void a_client_that_reconnects_after_its_cursor_misses_nothing_and_gets_nothing_twice() {
        List<JsonNode> received = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String cursor;
        try (LiveClient live = LiveClient.connect(port, "/ws/events", OPERATOR_KEY)) {
            live.next();
            for (int i = 0; i < 3; i++) {
                ids.add(submit(Map.of("type", "sleep", "input", Map.of("millis", 300, "steps", 3))));
            }
            received.addAll(live.until(completionOf(ids.getFirst())));
            cursor = received.getLast().path("cursor").asText();
        }
        for (int i = 0; i < 3; i++) {
            ids.add(submit(Map.of("type", "noop")));
        }
        ids.forEach(this::awaitFinished);

        try (LiveClient live = LiveClient.connect(port, "/ws/events?after=" + cursor, OPERATOR_KEY)) {
            assertThat(live.next().path("cursor").asText())
                    .as("subscribed where it left")
                    .isEqualTo(cursor);
            Set<String> open = ids.stream().collect(Collectors.toSet());
            received.stream()
                    .filter(message -> message.path("event").asText().equals("task_completed"))
                    .forEach(message -> open.remove(message.path("task_id").asText()));
            while (!open.isEmpty()) {
                JsonNode message = live.next();
                received.add(message);
                if (message.path("event").asText().equals("task_completed")) {
                    open.remove(message.path("task_id").asText());
                }
            }
        }
        for (String id : ids) {
            assertThat(sequences(ofTask(received, id))).as(id).isEqualTo(storedSequences(id));
        }
    }

    @Test
    void a_task_topic_carries_only_that_tasks_changes() {
        String other = submit(Map.of("type", "sleep", "input", Map.of("millis", 500)));
        String id = submit(Map.of("type", "sleep", "input", Map.of("millis", 500)));
        try (LiveClient live = LiveClient.connect(port, "/ws/tasks/" + id, VIEWER_KEY)) {
            List<JsonNode> messages = live.until(completionOf(id));

            assertThat(messages.getFirst().path("topic").asText()).isEqualTo("task:" + id);
            assertThat(messages.stream().skip(1))
                    .allMatch(message -> message.path("task_id").asText().equals(id));
            assertThat(messages.getLast().path("task").path("status").asText()).isEqualTo("completed");
        }
        awaitFinished(other);
    }

    @Test
    void an_owner_bound_key_sees_only_its_owners_tasks() {
        try (LiveClient alices = LiveClient.connect(port, "/ws/events", ALICE_KEY);
                LiveClient dashboard = LiveClient.connect(port, "/ws/dashboard/alice", ADMIN_KEY)) {
            String bobs =
                    api(BOB_KEY).post("/api/v1/tasks", Map.of("type", "noop")).text("id");
            String mine =
                    api(ALICE_KEY).post("/api/v1/tasks", Map.of("type", "noop")).text("id");

            for (LiveClient live : List.of(alices, dashboard)) {
                List<JsonNode> messages = live.until(completionOf(mine));
                assertThat(messages.stream().skip(1))
                        .allMatch(message ->
                                message.path("task").path("owner").asText().equals("alice"));
                assertThat(messages)
                        .noneMatch(message -> message.path("task_id").asText().equals(bobs));
            }
            assertThat(LiveClient.refusal(port, "/ws/tasks/" + bobs, ALICE_KEY)).isEqualTo(404);
            assertThat(LiveClient.refusal(port, "/ws/events?owner=bob", ALICE_KEY))
                    .isEqualTo(403);
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
        assertThat(api(null).post("/api/v1/live/token").status()).isEqualTo(401);
        assertThat(api(WORKER_KEY).post("/api/v1/live/token").status()).isEqualTo(403);
    }

    @Test
    void a_handshake_without_a_key_or_with_a_forbidden_topic_is_refused() {
        assertThat(LiveClient.refusal(port, "/ws/events", null)).isEqualTo(401);
        assertThat(LiveClient.refusal(port, "/ws/events", WORKER_KEY)).isEqualTo(403);
        assertThat(LiveClient.refusal(port, "/ws/dashboard/bob", ALICE_KEY)).isEqualTo(403);
        assertThat(LiveClient.refusal(port, "/ws/tasks/" + UUID.randomUUID(), OPERATOR_KEY))
                .isEqualTo(404);
        assertThat(LiveClient.refusal(port, "/ws/events?after=nonsense", OPERATOR_KEY))
                .isEqualTo(400);
        assertThat(LiveClient.refusal(port, "/ws/events?status=sleeping", OPERATOR_KEY))
                .isEqualTo(400);
    }

    static java.util.function.Predicate<JsonNode> completionOf(String id) {
        return message -> message.path("task_id").asText().equals(id)
                && message.path("event").asText().equals("task_completed");
    }

    static List<JsonNode> ofTask(List<JsonNode> messages, String id) {
        return messages.stream()
                .filter(message -> message.path("task_id").asText().equals(id))
                .toList();
    }

    static List<Long> sequences(List<JsonNode> messages) {
        return messages.stream()
                .map(message -> message.path("sequence").asLong())
                .toList();
    }

    private List<Long> storedSequences(String id) {
        return LongStream.range(0, eventsOf(id).size()).boxed().toList();
    }

    private static JsonNode withoutStall(JsonNode task) {
        return ((com.fasterxml.jackson.databind.node.ObjectNode) task.deepCopy()).putNull("stall");
    }
}
