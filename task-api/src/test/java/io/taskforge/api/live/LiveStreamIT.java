package io.taskforge.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskforge.support.ExecutionIntegrationTest;
import io.taskforge.support.LiveStream;
import io.taskforge.support.LiveStream.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The Server-Sent Events streams over loopback with the JDK's HttpClient: order, Last-Event-ID, filters, refusals. */
class LiveStreamIT extends ExecutionIntegrationTest {

    @Test
    void a_tasks_stream_resumes_after_its_last_event_id_without_gaps_or_repeats() {
        String id = submit(Map.of("type", "sleep", "input", Map.of("millis", 1500, "steps", 5)));
        List<Message> received = new ArrayList<>();
        try (LiveStream stream = LiveStream.open(port, "/api/v1/tasks/" + id + "/events/stream", VIEWER_KEY, null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            assertThat(stream.next().event()).isEqualTo("subscribed");
            received.addAll(stream.until(message -> message.event().equals("task_progressed")));
        }
        String lastEventId = received.getLast().id();
        try (LiveStream stream =
                LiveStream.open(port, "/api/v1/tasks/" + id + "/events/stream", VIEWER_KEY, lastEventId)) {
            assertThat(stream.next().id()).as("subscribed where it left").isEqualTo(lastEventId);
            received.addAll(stream.until(message -> message.event().equals("task_completed")));
        }

        for (Message message : received) {
            assertThat(message.id()).isEqualTo(message.data().path("cursor").asText());
            assertThat(message.event()).isEqualTo(message.data().path("event").asText());
        }
        List<Long> sequences = received.stream()
                .map(message -> message.data().path("sequence").asLong())
                .toList();
        List<Long> timeline = StreamSupport.stream(
                        operator()
                                .get("/api/v1/tasks/" + id + "/timeline")
                                .body()
                                .path("events")
                                .spliterator(),
                        false)
                .map(entry -> entry.path("sequence").asLong())
                .filter(sequence -> sequence >= sequences.getFirst())
                .toList();
        assertThat(sequences).isEqualTo(timeline);
    }

    @Test
    void the_events_stream_carries_what_its_filters_select() {
        try (LiveStream stream =
                LiveStream.open(port, "/api/v1/events/stream?type=noop&status=completed", VIEWER_KEY, null)) {
            stream.next();
            String sleeping = submit(Map.of("type", "sleep", "input", Map.of("millis", 100)));
            String id = submit(Map.of("type", "noop"));

            List<Message> messages = stream.until(completion(id));

            assertThat(messages)
                    .allMatch(message ->
                            message.data().path("task").path("type").asText().equals("noop"))
                    .allMatch(message ->
                            message.data().path("task").path("status").asText().equals("completed"))
                    .noneMatch(
                            message -> message.data().path("task_id").asText().equals(sleeping));
        }
    }

    @Test
    void a_stream_the_caller_may_not_open_is_refused_with_the_api_error() {
        try (LiveStream unknown = LiveStream.open(
                        port, "/api/v1/tasks/" + UUID.randomUUID() + "/events/stream", VIEWER_KEY, null);
                LiveStream keyless = LiveStream.open(port, "/api/v1/events/stream", null, null);
                LiveStream badCursor = LiveStream.open(port, "/api/v1/events/stream", VIEWER_KEY, "x")) {
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(keyless.status()).isEqualTo(401);
            assertThat(badCursor.status()).isEqualTo(400);
        }
    }

    private static Predicate<Message> completion(String id) {
        return message -> message.data().path("task_id").asText().equals(id)
                && message.event().equals("task_completed");
    }
}
