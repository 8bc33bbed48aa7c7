package io.taskforge.api.tasks;

import static io.taskforge.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ApiIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class TaskApiIT extends ApiIntegrationTest {

    private static final String TASKS = "/api/v1/tasks";
    private static final Duration PROJECTION_CATCH_UP = Duration.ofSeconds(10);

    @Test
    void creates_a_task_from_the_canonical_body() {
        Map<String, Object> body = Map.of(
                "type",
                "sleep",
                "category",
                "BACKGROUND",
                "description",
                "Charge card for order 1234",
                "input",
                Map.of("millis", 500, "steps", 5),
                "metadata",
                Map.of("amount", 250, "currency", "USD", "kind", "payment"),
                "provider",
                "payments-gateway",
                "priority",
                5,
                "timeout_seconds",
                60,
                "retry",
                Map.of("max_attempts", 5, "base_delay_ms", 500, "max_delay_ms", 10_000, "jitter", 0.1),
                "owner",
                "user-42");

        Answer created = operator().post(TASKS, body);

        assertThat(created.status()).isEqualTo(201);
        JsonNode task = created.body();
        assertThat(task.path("id").asText()).isEqualTo(task.path("task_id").asText());
        assertThat(created.raw().headers().firstValue("Location"))
                .hasValue(TASKS + "/" + task.path("id").asText());
        assertThat(task.path("type").asText()).isEqualTo("sleep");
        assertThat(task.path("category").asText()).isEqualTo("BACKGROUND");
        assertThat(task.path("description").asText()).isEqualTo("Charge card for order 1234");
        assertThat(task.path("status").asText()).isEqualTo("pending");
        assertThat(task.path("in_dlq").asBoolean()).isFalse();
        assertThat(task.path("progress").asInt()).isZero();
        assertThat(task.path("message").asText()).isEqualTo("Task queued");
        assertThat(task.path("input").path("millis").asInt()).isEqualTo(500);
        assertThat(task.path("parameters")).isEqualTo(task.path("input"));
        assertThat(task.path("metadata").path("currency").asText()).isEqualTo("USD");
        assertThat(task.path("provider").asText()).isEqualTo("payments-gateway");
        assertThat(task.path("priority").asInt()).isEqualTo(5);
        assertThat(task.path("timeout_seconds").asLong()).isEqualTo(60);
        assertThat(task.path("max_attempts").asInt()).isEqualTo(5);
        assertThat(task.path("attempts").asInt()).isZero();
        assertThat(task.path("owner").asText()).isEqualTo("user-42");
        assertThat(task.path("created_by").asText()).isEqualTo("api-key:operator");
        assertThat(task.path("error").isNull()).isTrue();
        assertThat(task.path("result").isNull()).isTrue();
        assertThat(task.path("started_at").isNull()).isTrue();
        assertThat(task.path("completed_at").isNull()).isTrue();
        assertIsoUtc(task.path("created_at").asText());
        assertThat(task.path("updated_at").asText())
                .isEqualTo(task.path("created_at").asText());
    }

    @Test
    void creates_a_task_from_a_seed_002_body_with_the_default_type() {
        String problem = "problem-" + UUID.randomUUID();
        Map<String, Object> body = Map.of(
                "problem_id",
                problem,
                "parameters",
                Map.of("max_steps", 30, "timeout", 1800, "agent_config", Map.of("model", "gpt-4")));

        Answer created = operator().post(TASKS, body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("problem_id")).isEqualTo(problem);
        assertThat(created.text("type")).isEqualTo("noop");
        assertThat(created.text("status")).isEqualTo("pending");
        assertThat(created.body().path("parameters").path("max_steps").asInt()).isEqualTo(30);
        assertThat(created.body()
                        .path("parameters")
                        .path("agent_config")
                        .path("model")
                        .asText())
                .isEqualTo("gpt-4");
        assertThat(created.body().path("timeout_seconds").asLong()).isEqualTo(1800);
        assertThat(created.body().path("category").asText()).isEqualTo("GENERAL");
    }

    @Test
    void answers_a_repeated_idempotency_key_with_the_first_task() {
        String problem = "idem-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("type", "noop", "problem_id", problem, "idempotency_key", "key-" + problem);

        Answer first = operator().post(TASKS, body);
        Answer second = operator().post(TASKS, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text("id")).isEqualTo(first.text("id"));
        assertThat(idsOf(operator().get(TASKS + "?problem_id=" + problem))).containsExactly(first.text("id"));
    }

    @Test
    void creates_one_task_when_the_same_key_arrives_concurrently() throws Exception {
        String problem = "race-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("type", "noop", "problem_id", problem, "idempotency_key", "key-" + problem);
        List<Answer> answers;
        try (var pool = Executors.newFixedThreadPool(8)) {
            var barrier = new CyclicBarrier(8);
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    return operator().post(TASKS, body);
                }));
            }
            answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }
        }

        assertThat(answers).extracting(Answer::status).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(answers)
                .extracting(answer -> answer.text("id"))
                .containsOnly(answers.get(0).text("id"));
        assertThat(idsOf(operator().get(TASKS + "?problem_id=" + problem))).hasSize(1);
    }

    @Test
    void reads_a_task_back_by_id() {
        String id = createNoop(Map.of("description", "read me")).text("id");

        Answer read = operator().get(TASKS + "/" + id);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("task_id")).isEqualTo(id);
        assertThat(read.text("description")).isEqualTo("read me");
        assertThat(read.text("status")).isEqualTo("pending");
    }

    @Test
    void answers_404_for_unknown_and_malformed_ids() {
        Answer unknown = operator().get(TASKS + "/" + UUID.randomUUID());
        Answer malformed = operator().get(TASKS + "/not-a-task");

        assertError(unknown, 404, "not_found");
        assertError(malformed, 404, "not_found");
    }

    @Test
    void refuses_invalid_submissions_with_clear_errors() {
        assertError(operator().post(TASKS, Map.of("type", "teleport")), 422, "validation_error");
        assertThat(operator().post(TASKS, Map.of("type", "teleport")).text("detail"))
                .contains("known types");
        assertError(operator().post(TASKS, Map.of("description", "no type")), 422, "validation_error");
        assertError(operator().post(TASKS, Map.of("type", "noop", "category", "NOPE")), 422, "validation_error");
        assertError(
                operator().post(TASKS, Map.of("type", "noop", "retry", Map.of("max_attempts", 0))),
                422,
                "validation_error");
        assertThat(operator()
                        .post(TASKS, Map.of("type", "noop", "retry", Map.of("max_attempts", 0)))
                        .text("detail"))
                .contains("retry.max_attempts");
        assertError(
                operator().post(TASKS, Map.of("type", "sleep", "input", Map.of("millis", -5))),
                422,
                "validation_error");
        assertError(operator().post(TASKS, Map.of("type", "noop", "timeout_seconds", 0)), 422, "validation_error");
        assertError(operator().post(TASKS, "{\"type\": "), 400, "bad_request");
        assertError(operator().post(TASKS, "[1, 2]"), 400, "bad_request");
    }

    @Test
    void lists_tasks_newest_first_with_filters_and_pagination() {
        String problem = "list-" + UUID.randomUUID();
        List<String> ids = List.of(
                createNoop(Map.of("problem_id", problem)).text("id"),
                createNoop(Map.of("problem_id", problem)).text("id"),
                createNoop(Map.of("problem_id", problem)).text("id"));

        // lists follow the task view, which may trail a submission's answer by a moment
        await().atMost(PROJECTION_CATCH_UP)
                .until(() ->
                        idsOf(operator().get(TASKS + "?problem_id=" + problem)).size() == 3);
        Answer all = operator().get(TASKS + "?problem_id=" + problem);
        Answer firstPage = operator().get(TASKS + "?problem_id=" + problem + "&limit=2");
        Answer secondPage = operator().get(TASKS + "?problem_id=" + problem + "&limit=2&offset=2");

        assertThat(all.status()).isEqualTo(200);
        assertThat(idsOf(all)).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(idsOf(firstPage)).containsExactly(ids.get(2), ids.get(1));
        assertThat(idsOf(secondPage)).containsExactly(ids.get(0));
        assertThat(all.body().get(0).path("message").asText()).isEqualTo("Task queued");
    }

    @Test
    void filters_lists_by_status_including_the_processing_alias() {
        String problem = "status-" + UUID.randomUUID();
        String pending = createNoop(Map.of("problem_id", problem)).text("id");
        String cancelled = createNoop(Map.of("problem_id", problem)).text("id");
        operator().post(TASKS + "/" + cancelled + "/cancel");
        awaitStatus(cancelled, "cancelled");

        assertThat(idsOf(operator().get(TASKS + "?problem_id=" + problem + "&status=pending")))
                .containsExactly(pending);
        assertThat(idsOf(operator().get(TASKS + "?problem_id=" + problem + "&status=cancelled")))
                .containsExactly(cancelled);
        assertThat(idsOf(operator().get(TASKS + "?problem_id=" + problem + "&status=pending,cancelled")))
                .hasSize(2);
        assertThat(idsOf(operator().get(TASKS + "?problem_id=" + problem + "&status=processing")))
                .isEmpty();
        assertThat(idsOf(operator().get(TASKS + "?problem_id=" + problem + "&type=noop")))
                .hasSize(2);
        assertThat(idsOf(operator().get(TASKS + "?problem_id=" + problem + "&type=sleep")))
                .isEmpty();
        assertThat(idsOf(operator().get(TASKS + "?worker_id=nobody-" + problem)))
                .isEmpty();
    }

    @Test
    void refuses_bad_list_parameters() {
        assertError(operator().get(TASKS + "?status=sleeping"), 400, "bad_request");
        assertError(operator().get(TASKS + "?limit=0"), 400, "bad_request");
        assertError(operator().get(TASKS + "?limit=abc"), 400, "bad_request");
        assertError(operator().get(TASKS + "?offset=-1"), 400, "bad_request");
    }

    @Test
    void cancels_a_pending_task_and_refuses_to_cancel_it_again() {
        String id = createNoop(Map.of()).text("id");

        Answer cancelled = operator().post(TASKS + "/" + id + "/cancel");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().path("success").asBoolean()).isTrue();
        assertThat(cancelled.text("message")).isEqualTo("Task cancelled successfully");
        assertThat(cancelled.text("task_id")).isEqualTo(id);
        JsonNode task = awaitStatus(id, "cancelled");
        assertThat(task.path("message").asText()).isEqualTo("Task cancelled");
        assertIsoUtc(task.path("finished_at").asText());
        Answer again = operator().post(TASKS + "/" + id + "/cancel");
        assertError(again, 409, "already_finished");
    }

    @Test
    void cancels_through_delete_with_the_seed_004_answer() {
        String id = createNoop(Map.of()).text("id");

        Answer deleted = operator().delete(TASKS + "/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().path("success").asBoolean()).isTrue();
        assertThat(deleted.text("message")).isEqualTo("Task " + id + " has been cancelled");
        assertThat(deleted.text("task_id")).isEqualTo(id);
        assertError(operator().delete(TASKS + "/" + id), 409, "already_finished");
        assertError(operator().delete(TASKS + "/" + UUID.randomUUID()), 404, "not_found");
        assertError(operator().post(TASKS + "/" + UUID.randomUUID() + "/cancel"), 404, "not_found");
    }

    @Test
    void echoes_the_callers_request_id() {
        Answer answer = operator()
                .send(operator()
                        .request(TASKS + "/" + UUID.randomUUID())
                        .header("X-Request-ID", "trace-abc-123")
                        .GET());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text("request_id")).isEqualTo("trace-abc-123");
        assertThat(answer.raw().headers().firstValue("X-Request-ID")).hasValue("trace-abc-123");
    }

    @Test
    void answers_unknown_paths_and_methods_in_the_error_shape() {
        assertError(operator().get("/api/v1/nothing-here"), 404, "not_found");
        assertError(
                operator().send(operator().request(TASKS).PUT(java.net.http.HttpRequest.BodyPublishers.noBody())),
                405,
                "method_not_allowed");
    }

    private Answer createNoop(Map<String, Object> extra) {
        var body = new java.util.HashMap<String, Object>(extra);
        body.put("type", "noop");
        Answer created = operator().post(TASKS, body);
        assertThat(created.status()).isEqualTo(201);
        return created;
    }

    private JsonNode awaitStatus(String id, String status) {
        return await().atMost(PROJECTION_CATCH_UP)
                .until(
                        () -> operator().get(TASKS + "/" + id).body(),
                        task -> task.path("status").asText().equals(status));
    }

    private static List<String> idsOf(Answer list) {
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().isArray()).isTrue();
        return StreamSupport.stream(list.body().spliterator(), false)
                .map(task -> task.path("id").asText())
                .toList();
    }

    private static void assertIsoUtc(String timestamp) {
        assertThat(timestamp).endsWith("Z");
        assertThat(Instant.parse(timestamp)).isBefore(Instant.now().plusSeconds(1));
    }
}
