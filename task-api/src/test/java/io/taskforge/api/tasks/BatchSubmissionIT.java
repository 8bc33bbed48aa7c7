package io.taskforge.api.tasks;

import static io.taskforge.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ApiIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

// its thousands of tasks get an engine and database of their own, so other tests' counts stay put
@TestPropertySource(properties = "spring.application.name=taskforge-batch-submission-it")
class BatchSubmissionIT extends ApiIntegrationTest {

    private static final String BATCH = "/api/v1/tasks/batch";
    private static final Duration CATCH_UP = Duration.ofSeconds(10);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void stores_a_thousand_tasks_in_one_request_each_readable_and_queued() {
        String problem = "batch-" + UUID.randomUUID();
        List<Map<String, Object>> tasks = IntStream.range(0, 1_000)
                .mapToObj(i -> Map.<String, Object>of("type", "noop", "problem_id", problem, "priority", i % 3))
                .toList();

        Answer answer = operator().post(BATCH, Map.of("tasks", tasks));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body().path("count").asInt()).isEqualTo(1_000);
        assertThat(answer.body().path("created").asInt()).isEqualTo(1_000);
        JsonNode items = answer.body().path("tasks");
        assertThat(items.get(999).path("index").asInt()).isEqualTo(999);
        assertThat(items.get(0).path("status").asText()).isEqualTo("pending");
        assertThat(items.get(0).path("id").asText())
                .isEqualTo(items.get(0).path("task_id").asText());
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asText()));
        assertThat(queued(ids)).isEqualTo(1_000);
        await().atMost(CATCH_UP).untilAsserted(() -> assertThat(operator()
                        .get("/api/v1/tasks?limit=1000&problem_id=" + problem)
                        .body()
                        .size())
                .isEqualTo(1_000));
    }

    @Test
    void answers_an_item_whose_idempotency_key_was_used_before_with_the_earlier_task() {
        String key = "batch-key-" + UUID.randomUUID();
        Answer first = operator().post(BATCH, Map.of("tasks", List.of(Map.of("type", "noop", "idempotency_key", key))));
        String earlier = first.body().path("tasks").get(0).path("id").asText();

        Answer second = operator()
                .post(
                        BATCH,
                        Map.of(
                                "tasks",
                                List.of(Map.of("type", "noop"), Map.of("type", "noop", "idempotency_key", key))));
        Answer again = operator().post(BATCH, Map.of("tasks", List.of(Map.of("type", "noop", "idempotency_key", key))));

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body().path("created").asInt()).isEqualTo(1);
        JsonNode repeated = second.body().path("tasks").get(1);
        assertThat(repeated.path("id").asText()).isEqualTo(earlier);
        assertThat(repeated.path("created").asBoolean()).isFalse();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("tasks").get(0).path("id").asText()).isEqualTo(earlier);
    }

    @Test
    void refuses_the_whole_batch_naming_every_bad_item_by_its_index() {
        String problem = "refused-" + UUID.randomUUID();
        List<Map<String, Object>> tasks = new ArrayList<>(Collections.nCopies(
                5, Map.<String, Object>of("type", "noop", "problem_id", problem, "idempotency_key", problem + "-0")));
        tasks.set(0, Map.of("type", "noop", "problem_id", problem));
        tasks.set(1, Map.of("type", "no-such-type", "problem_id", problem));
        tasks.set(3, Map.of("type", "sleep", "input", Map.of("millis", -5), "problem_id", problem));

        int queuedBefore = queuedInAll();

        Answer answer = operator().post(BATCH, Map.of("tasks", tasks));

        assertError(answer, 422, "validation_error");
        assertThat(answer.text("detail"))
                .contains("tasks[1]: unknown task type 'no-such-type'")
                .contains("tasks[3]: ")
                .contains("tasks[4]: idempotency_key '" + problem + "-0' is also used by tasks[2]")
                .doesNotContain("tasks[0]");
        assertThat(queuedInAll()).isEqualTo(queuedBefore);
    }

    @Test
    void refuses_an_empty_batch_and_one_over_a_thousand_tasks() {
        assertError(operator().post(BATCH, Map.of("tasks", List.of())), 422, "validation_error");
        List<Map<String, Object>> tooMany = Collections.nCopies(1_001, Map.of("type", "noop"));

        assertError(operator().post(BATCH, Map.of("tasks", tooMany)), 413, "payload_too_large");
    }

    @Test
    void a_viewer_may_not_submit_a_batch() {
        Answer answer = api(VIEWER_KEY).post(BATCH, Map.of("tasks", List.of(Map.of("type", "noop"))));

        assertError(answer, 403, "forbidden");
    }

    @Test
    void a_task_read_right_after_its_submission_is_found() {
        for (int i = 0; i < 20; i++) {
            Answer created = operator().post("/api/v1/tasks", Map.of("type", "noop"));
            assertThat(created.status()).isEqualTo(201);
            String id = created.text("id");

            Answer read = operator().get("/api/v1/tasks/" + id);

            assertThat(read.status()).isEqualTo(200);
            assertThat(read.text("id")).isEqualTo(id);
            assertThat(read.text("created_at")).isEqualTo(created.text("created_at"));
        }
    }

    private int queued(List<String> ids) {
        return ids.stream()
                .mapToInt(id -> jdbc.queryForObject(
                        "SELECT count(*) FROM task_queue WHERE task_id = ?", Integer.class, UUID.fromString(id)))
                .sum();
    }

    private int queuedInAll() {
        return jdbc.queryForObject("SELECT count(*) FROM task_queue", Integer.class);
    }
}
