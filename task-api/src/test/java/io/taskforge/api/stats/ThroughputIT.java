package io.taskforge.api.stats;

import static io.taskforge.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.taskforge.support.ApiClient;
import io.taskforge.support.ExecutionIntegrationTest;
import io.taskforge.support.ReadModelReplay;
import io.taskforge.task.processing.ProcessingGroups;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Finished tasks per minute: what each status adds to the window, the owner's view of it, the same
 * figures after the task view is rebuilt from the events, and bad windows.
 */
class ThroughputIT extends ExecutionIntegrationTest {

    private static final String THROUGHPUT = "/api/v1/stats/throughput";

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void counts_what_finished_per_minute_by_status_and_category() {
        ApiClient alice = api(ALICE_KEY);
        JsonNode before = alice.get(THROUGHPUT).body();

        String completed = submitAs(alice, Map.of("type", "noop", "category", "HARDWARE"));
        String alsoCompleted = submitAs(alice, Map.of("type", "noop", "category", "HARDWARE"));
        String failed =
                submitAs(alice, Map.of("type", "fail", "category", "INPUT", "input", Map.of("retryable", false)));
        String cancelled =
                submitAs(alice, Map.of("type", "sleep", "category", "INPUT", "input", Map.of("millis", 30000)));
        assertThat(alice.post("/api/v1/tasks/" + cancelled + "/cancel").status())
                .isEqualTo(200);
        for (String id : new String[] {completed, alsoCompleted, failed, cancelled}) {
            awaitFinished(id);
        }

        JsonNode after = await().atMost(FINISH)
                .until(() -> alice.get(THROUGHPUT).body(), figures -> added(before, figures, "finished") == 4);

        assertThat(added(before, after, "completed")).isEqualTo(2);
        assertThat(added(before, after, "failed")).isEqualTo(1);
        assertThat(added(before, after, "cancelled")).isEqualTo(1);
        assertThat(after.path("bucket_seconds").asInt()).isEqualTo(60);
        assertThat(after.path("minutes")).hasSize(60);
        assertThat(sumOf(after.path("minutes"), "finished"))
                .isEqualTo(after.path("totals").path("finished").asLong());
        assertThat(category(after, "HARDWARE").path("completed").asLong()
                        - category(before, "HARDWARE").path("completed").asLong())
                .isEqualTo(2);
        assertThat(category(after, "INPUT").path("finished").asLong()
                        - category(before, "INPUT").path("finished").asLong())
                .isEqualTo(2);
        JsonNode last = after.path("minutes").get(59);
        Instant since = Instant.parse(after.path("since").asText());
        Instant until = Instant.parse(after.path("until").asText());
        assertThat(since)
                .isEqualTo(
                        Instant.parse(after.path("minutes").get(0).path("start").asText()));
        assertThat(Instant.parse(last.path("start").asText()))
                .isBeforeOrEqualTo(until)
                .isAfter(until.minus(Duration.ofMinutes(1)));
    }

    @Test
    void a_failure_rate_leaves_cancelled_tasks_out() {
        JsonNode figures = api(ALICE_KEY).get(THROUGHPUT).body().path("totals");

        long judged = figures.path("completed").asLong()
                + figures.path("failed").asLong()
                + figures.path("timeout").asLong();
        double expected = judged == 0
                ? 0
                : Math.round((figures.path("failed").asLong()
                                        + figures.path("timeout").asLong())
                                * 10_000.0
                                / judged)
                        / 100.0;
        assertThat(figures.path("failure_rate").asDouble()).isEqualTo(expected);
    }

    @Test
    void an_owner_bound_key_sees_its_own_tasks_only() {
        JsonNode before = api(BOB_KEY).get(THROUGHPUT).body();
        awaitFinished(submitAs(api(ALICE_KEY), Map.of("type", "noop")));
        String bobs = submitAs(api(BOB_KEY), Map.of("type", "noop"));
        awaitFinished(bobs);

        JsonNode after = await().atMost(FINISH)
                .until(() -> api(BOB_KEY).get(THROUGHPUT).body(), figures -> added(before, figures, "finished") >= 1);

        assertThat(added(before, after, "finished")).isEqualTo(1);
        assertThat(api(ADMIN_KEY)
                        .get(THROUGHPUT)
                        .body()
                        .path("totals")
                        .path("finished")
                        .asLong())
                .isGreaterThan(after.path("totals").path("finished").asLong());
    }

    @Test
    void rebuilding_the_task_view_gives_the_same_figures() {
        awaitFinished(submit(Map.of("type", "noop", "category", "ANIMATION")));
        JsonNode live = await().atMost(FINISH)
                .until(
                        () -> totals(
                                api(ADMIN_KEY).get(THROUGHPUT + "?minutes=120").body()),
                        figures -> true);

        ReadModelReplay.replay(processing, ProcessingGroups.TASK_VIEW);

        await().atMost(FINISH).untilAsserted(() -> assertThat(
                        totals(api(ADMIN_KEY).get(THROUGHPUT + "?minutes=120").body()))
                .isEqualTo(live));
    }

    @Test
    void answers_a_window_of_the_minutes_asked_for_and_refuses_others() {
        assertThat(api(VIEWER_KEY).get(THROUGHPUT + "?minutes=5").body().path("minutes"))
                .hasSize(5);
        assertThat(api(VIEWER_KEY).get(THROUGHPUT + "?minutes=1440").body().path("minutes"))
                .hasSize(1440);

        assertError(api(VIEWER_KEY).get(THROUGHPUT + "?minutes=0"), 400, "bad_request");
        assertError(api(VIEWER_KEY).get(THROUGHPUT + "?minutes=1441"), 400, "bad_request");
        assertError(api(VIEWER_KEY).get(THROUGHPUT + "?minutes=soon"), 400, "bad_request");
        assertError(api(null).get(THROUGHPUT), 401, "unauthorized");
        assertError(api(WORKER_KEY).get(THROUGHPUT), 403, "forbidden");
    }

    private static String submitAs(ApiClient client, Map<String, Object> body) {
        var created = client.post("/api/v1/tasks", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("id");
    }

    private static long added(JsonNode before, JsonNode after, String field) {
        return after.path("totals").path(field).asLong()
                - before.path("totals").path(field).asLong();
    }

    private static JsonNode totals(JsonNode figures) {
        return figures.path("totals");
    }

    private static long sumOf(JsonNode minutes, String field) {
        long sum = 0;
        for (JsonNode minute : minutes) {
            sum += minute.path(field).asLong();
        }
        return sum;
    }

    private static JsonNode category(JsonNode figures, String name) {
        for (JsonNode category : figures.path("categories")) {
            if (name.equals(category.path("category").asText())) {
                return category;
            }
        }
        return MissingNode.getInstance();
    }
}
