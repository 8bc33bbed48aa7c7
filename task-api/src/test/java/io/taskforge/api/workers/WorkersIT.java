package io.taskforge.api.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ExecutionIntegrationTest;
import io.taskforge.task.event.AttemptFailedEvent;
import io.taskforge.task.event.AttemptStartedEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The external worker protocol over HTTP against a running engine on PostgreSQL. */
class WorkersIT extends ExecutionIntegrationTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(20);

    @Test
    void a_worker_registers_claims_reports_progress_and_completes_and_the_timeline_shows_it() {
        ExternalWorker worker = worker();
        Answer registered = worker.register("kind", 2, List.of("test-*", "benchmark-*"));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.text("id")).isEqualTo(worker.id());
        assertThat(registered.text("backend_type")).isEqualTo("kind");
        assertThat(registered.text("status")).isEqualTo("idle");
        assertThat(registered.text("registered_at")).isNotBlank();
        String problem = "test-problem-" + UUID.randomUUID();
        String taskId = submit(external(problem, Map.of("max_steps", 30)));

        Answer claimed = worker.claim();
        assertThat(claimed.status()).isEqualTo(200);
        JsonNode task = claimed.body();
        assertThat(task.path("id").asText()).isEqualTo(taskId);
        assertThat(task.path("problem_id").asText()).isEqualTo(problem);
        assertThat(task.path("status").asText()).isEqualTo("running");
        assertThat(task.path("parameters").path("max_steps").asInt()).isEqualTo(30);
        assertThat(task.path("fencing_token").asInt()).isEqualTo(1);
        await().atMost(CATCH_UP).until(() -> task(taskId).path("worker_id").asText(), worker.id()::equals);

        assertThat(worker.progress(task, 40, "step 12 of 30").status()).isEqualTo(200);
        assertThat(worker.log(task, "warning", "the cluster is slow").status()).isEqualTo(200);
        await().atMost(CATCH_UP).until(() -> task(taskId).path("progress").asInt() == 40);
        Answer completed = worker.complete(task, Map.of("success", true, "output", "solved"));
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.text("task_id")).isEqualTo(taskId);

        JsonNode finished = awaitFinished(taskId);
        assertThat(finished.path("status").asText()).isEqualTo("completed");
        assertThat(finished.path("result").path("output").asText()).isEqualTo("solved");
        JsonNode started = timelineEntry(taskId, "attempt_started");
        assertThat(started.path("data").path("worker_id").asText()).isEqualTo(worker.id());
        assertThat(operator().get("/api/v1/tasks/" + taskId + "/logs").body().findValuesAsText("message"))
                .contains("the cluster is slow");
        JsonNode listed = await().atMost(CATCH_UP)
                .until(
                        () -> viewer().get("/api/v1/workers/" + worker.id()).body(),
                        w -> w.path("tasks_completed").asInt() == 1);
        assertThat(listed.path("status").asText()).isEqualTo("idle");
        assertThat(listed.path("backend_type").asText()).isEqualTo("kind");
        assertThat(listed.path("last_heartbeat").asText()).isNotBlank();
        assertThat(listed.path("capabilities").path("max_parallel_tasks").asInt())
                .isEqualTo(2);
        assertThat(listed.path("capabilities").path("supported_problems").toString())
                .isEqualTo("[\"test-*\",\"benchmark-*\"]");
        assertThat(ids(viewer().get("/api/v1/workers?status=idle&backend_type=kind")
                        .body()))
                .contains(worker.id());
        assertThat(ids(viewer().get("/api/v1/workers?status=busy").body())).doesNotContain(worker.id());
    }

    @Test
    void a_claim_that_matches_nothing_answers_204_and_leaves_the_task_waiting() {
        ExternalWorker worker = worker();
        worker.register("kind", 1, List.of("benchmark-*"));
        String taskId = submit(external("test-mismatch-" + UUID.randomUUID(), Map.of()));

        assertThat(worker.claim().status()).isEqualTo(204);
        assertThat(worker.claim("300ms").status()).isEqualTo(204);
        assertThat(task(taskId).path("status").asText()).isEqualTo("pending");
        ExternalWorker other = worker();
        other.register("kind", 1, List.of("test-mismatch-*"));
        JsonNode claim = other.claim().body();
        assertThat(claim.path("id").asText()).isEqualTo(taskId);
        other.complete(claim, Map.of());
    }

    @Test
    void a_long_poll_claim_returns_within_100_ms_of_a_submission() throws Exception {
        ExternalWorker worker = worker();
        String problem = "longpoll-" + UUID.randomUUID();
        worker.register("kind", 1, List.of(problem));
        CompletableFuture<Long> claimedAt = CompletableFuture.supplyAsync(() -> {
            Answer answer = worker.claim("20s");
            assertThat(answer.status()).isEqualTo(200);
            return System.nanoTime();
        });
        Thread.sleep(1_000);
        assertThat(claimedAt).isNotDone();

        long submittedAt = System.nanoTime();
        String taskId = submit(external(problem, Map.of()));
        long millis = (claimedAt.get() - submittedAt) / 1_000_000;

        assertThat(millis).as("from the submission to the claim's answer").isLessThan(100);
        await().atMost(CATCH_UP).until(() -> task(taskId).path("worker_id").asText(), worker.id()::equals);
    }

    @Test
    void a_late_report_after_the_lease_lapsed_gets_409_and_changes_nothing() {
        ExternalWorker worker = worker();
        String problem = "lapse-" + UUID.randomUUID();
        worker.register("kind", 1, List.of(problem));
        String taskId = submit(external(problem, Map.of()));
        JsonNode claim = worker.claim().body();

        // heartbeats that keep the worker online but do not name the task: its lease (3 s) lapses
        List<AttemptFailedEvent> failures = await().atMost(CATCH_UP)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> {
                            worker.heartbeat(Map.of());
                            return eventsOf(taskId, AttemptFailedEvent.class);
                        },
                        found -> !found.isEmpty());
        assertThat(failures.getFirst().error().message()).contains("stopped renewing its lease");
        int events = eventsOf(taskId).size();

        Answer late = worker.complete(claim, Map.of("output", "too late"));
        Answer progress = worker.progress(claim, 90, "still going");
        Answer heartbeat = worker.heartbeat(Map.of(taskId, 1));

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("type")).isEqualTo("lease_lost");
        assertThat(late.text("request_id")).isNotBlank();
        assertThat(progress.status()).isEqualTo(409);
        assertThat(heartbeat.body().path("cancelled_task_ids").toString()).contains(taskId);
        assertThat(eventsOf(taskId)).hasSize(events);
        await().atMost(CATCH_UP)
                .until(() -> task(taskId).path("status").asText(), status -> List.of("retry_scheduled", "pending")
                        .contains(status));
    }

    @Test
    void heartbeats_naming_the_attempt_keep_its_lease_past_the_lease_time() throws Exception {
        ExternalWorker worker = worker();
        String problem = "renew-" + UUID.randomUUID();
        worker.register("kind", 1, List.of(problem));
        String taskId = submit(external(problem, Map.of()));
        JsonNode claim = worker.claim().body();

        for (int beat = 0; beat < 10; beat++) {
            assertThat(worker.heartbeat(Map.of(taskId, 1)).body().path("cancelled_task_ids"))
                    .isEmpty();
            Thread.sleep(500);
        }

        assertThat(worker.complete(claim, Map.of()).status()).isEqualTo(200);
        assertThat(awaitFinished(taskId).path("status").asText()).isEqualTo("completed");
        assertThat(eventsOf(taskId, AttemptStartedEvent.class)).hasSize(1);
    }

    @Test
    void a_cancelled_task_reaches_its_worker_through_the_heartbeat_answer() {
        ExternalWorker worker = worker();
        String problem = "cancel-" + UUID.randomUUID();
        worker.register("kind", 1, List.of(problem));
        String taskId = submit(external(problem, Map.of()));
        JsonNode claim = worker.claim().body();
        assertThat(worker.heartbeat(Map.of(taskId, 1)).body().path("cancelled_task_ids"))
                .isEmpty();

        assertThat(operator().post("/api/v1/tasks/" + taskId + "/cancel").status())
                .isEqualTo(200);

        Answer heartbeat = worker.heartbeat(Map.of(taskId, 1));
        assertThat(heartbeat.status()).isEqualTo(200);
        assertThat(heartbeat.text("message")).isEqualTo("Heartbeat received");
        assertThat(heartbeat.text("timestamp")).isNotBlank();
        assertThat(texts(heartbeat.body().path("cancelled_task_ids"))).containsExactly(taskId);
        assertThat(worker.complete(claim, Map.of()).status()).isEqualTo(409);
        await().atMost(CATCH_UP).until(() -> task(taskId).path("status").asText(), "cancelled"::equals);
    }

    @Test
    void a_failure_report_goes_through_the_classifier_and_the_retry_policy() {
        ExternalWorker worker = worker();
        String problem = "fail-" + UUID.randomUUID();
        worker.register("kind", 1, List.of(problem));
        String taskId = submit(external(problem, Map.of()));

        JsonNode first = worker.claim().body();
        Answer failed = worker.fail(
                first, Map.of("type", "upstream_error", "message", "the cluster answered 503", "http_status", 503));
        assertThat(failed.status()).isEqualTo(200);
        JsonNode second = await().atMost(CATCH_UP)
                .until(() -> worker.claim("1s"), answer -> answer.status() == 200)
                .body();
        assertThat(second.path("fencing_token").asInt()).isEqualTo(2);
        worker.fail(second, Map.of("type", "bad_problem", "message", "no such problem", "retryable", false));

        JsonNode finished = awaitFinished(taskId);
        assertThat(finished.path("status").asText()).isEqualTo("failed");
        assertThat(finished.path("in_dlq").asBoolean()).isTrue();
        JsonNode attempts =
                operator().get("/api/v1/tasks/" + taskId + "/attempts").body().path("attempts");
        assertThat(attempts.findValuesAsText("classification")).containsExactly("retryable", "permanent");
        assertThat(attempts.findValuesAsText("worker_id")).containsExactly(worker.id(), worker.id());
        assertThat(attempts.get(0).path("http_status").asInt()).isEqualTo(503);
        await().atMost(CATCH_UP)
                .until(() -> viewer().get("/api/v1/workers/" + worker.id())
                                .body()
                                .path("tasks_failed")
                                .asInt()
                        == 2);
    }

    @Test
    void a_silent_worker_goes_offline_and_its_attempt_is_retried_by_another() {
        ExternalWorker lost = worker();
        ExternalWorker other = worker();
        String problem = "offline-" + UUID.randomUUID();
        lost.register("kind", 1, List.of(problem));
        String taskId = submit(external(problem, Map.of()));
        JsonNode claim = lost.claim().body();
        other.register("kind", 1, List.of(problem));

        JsonNode retried = await().atMost(CATCH_UP)
                .until(() -> other.claim("1s"), answer -> answer.status() == 200)
                .body();

        assertThat(retried.path("id").asText()).isEqualTo(taskId);
        assertThat(retried.path("fencing_token").asInt()).isEqualTo(2);
        assertThat(other.complete(retried, Map.of("by", other.id())).status()).isEqualTo(200);
        assertThat(lost.complete(claim, Map.of("by", lost.id())).status()).isEqualTo(409);
        assertThat(awaitFinished(taskId).path("result").path("by").asText()).isEqualTo(other.id());
        assertThat(eventsOf(taskId, AttemptFailedEvent.class).getFirst().error().message())
                .contains("worker " + lost.id() + " went offline");
        JsonNode offline = await().atMost(CATCH_UP)
                .until(
                        () -> viewer().get("/api/v1/workers/" + lost.id()).body(),
                        w -> w.path("status").asText().equals("offline"));
        assertThat(offline.path("offline_reason").asText()).contains("no heartbeat");
        Answer heartbeat = lost.heartbeat(Map.of());
        assertThat(heartbeat.status()).isEqualTo(409);
        assertThat(heartbeat.text("type")).isEqualTo("worker_offline");
        assertThat(lost.claim().status()).isEqualTo(409);
        assertThat(lost.register("kind", 1, List.of(problem)).status()).isEqualTo(201);
        assertThat(lost.heartbeat(Map.of()).status()).isEqualTo(200);
    }

    @Test
    void a_heartbeat_with_status_offline_hands_the_attempts_back_at_once() {
        ExternalWorker worker = worker();
        String problem = "leaving-" + UUID.randomUUID();
        worker.register("kind", 1, List.of(problem));
        String taskId = submit(external(problem, Map.of()));
        worker.claim();

        Answer leaving =
                api(WORKER_KEY).post("/api/v1/workers/" + worker.id() + "/heartbeat", Map.of("status", "offline"));

        assertThat(leaving.status()).isEqualTo(200);
        assertThat(eventsOf(taskId, AttemptFailedEvent.class).getFirst().error().message())
                .contains("the worker said it is going offline");
    }

    @Test
    void only_worker_and_admin_keys_speak_the_protocol_and_worker_keys_do_nothing_else() {
        String id = "role-" + UUID.randomUUID();
        Map<String, Object> registration = Map.of("worker_id", id, "backend_type", "kind");

        assertThat(operator().post("/api/v1/workers/register", registration).status())
                .isEqualTo(403);
        assertThat(viewer().post("/api/v1/workers/register", registration).status())
                .isEqualTo(403);
        assertThat(api(null).post("/api/v1/workers/register", registration).status())
                .isEqualTo(401);
        assertThat(api(ADMIN_KEY).post("/api/v1/workers/register", registration).status())
                .isEqualTo(201);
        assertThat(api(WORKER_KEY)
                        .post("/api/v1/workers/register", registration)
                        .status())
                .isEqualTo(201);
        assertThat(api(WORKER_KEY).get("/api/v1/tasks").status()).isEqualTo(403);
        assertThat(api(WORKER_KEY).get("/api/v1/workers").status()).isEqualTo(403);
        assertThat(api(WORKER_KEY).post("/api/v1/tasks", Map.of("type", "noop")).status())
                .isEqualTo(403);
        assertThat(api(WORKER_KEY).post("/api/v1/workers/internal/stop").status())
                .isEqualTo(403);
        assertThat(viewer().get("/api/v1/workers").status()).isEqualTo(200);
    }

    @Test
    void bad_requests_answer_in_the_error_shape() {
        ExternalWorker worker = worker();
        worker.register("kind", 1, List.of("bad-*"));
        String taskId = submit(external("bad-" + UUID.randomUUID(), Map.of()));
        JsonNode claim = worker.claim().body();
        String reports = "/api/v1/workers/" + worker.id() + "/tasks/" + taskId;

        assertError(api(WORKER_KEY).post("/api/v1/workers/register", Map.of("backend_type", "kind")), 422);
        assertError(
                api(WORKER_KEY)
                        .post("/api/v1/workers/register", Map.of("worker_id", "has space", "backend_type", "kind")),
                422);
        assertError(
                api(WORKER_KEY)
                        .post("/api/v1/workers/register", Map.of("worker_id", "internal", "backend_type", "kind")),
                422);
        assertError(
                api(WORKER_KEY)
                        .post(
                                "/api/v1/workers/register",
                                Map.of(
                                        "worker_id",
                                        "w-" + UUID.randomUUID(),
                                        "backend_type",
                                        "kind",
                                        "capabilities",
                                        Map.of("max_parallel_tasks", 0))),
                422);
        assertError(
                api(WORKER_KEY).post("/api/v1/workers/register", Map.of("worker_id", "x", "backend_typ", "k")), 422);
        assertError(api(WORKER_KEY).post("/api/v1/workers/no-such-worker/claim"), 404);
        assertError(api(WORKER_KEY).post("/api/v1/workers/no-such-worker/heartbeat", Map.of()), 404);
        assertError(viewer().get("/api/v1/workers/no-such-worker"), 404);
        assertError(viewer().get("/api/v1/workers?status=sleeping"), 422);
        assertError(api(WORKER_KEY).post("/api/v1/workers/" + worker.id() + "/claim?wait=soon"), 422);
        assertError(api(WORKER_KEY).post("/api/v1/workers/" + worker.id() + "/claim?wait=10m"), 422);
        assertError(api(WORKER_KEY).post(reports + "/progress", Map.of("fencing_token", 1, "progress", 150)), 422);
        assertError(api(WORKER_KEY).post(reports + "/progress", Map.of("progress", 10)), 422);
        assertError(api(WORKER_KEY).post(reports + "/fail", Map.of("fencing_token", 1, "error", Map.of())), 422);
        assertError(
                api(WORKER_KEY).post(reports + "/logs", Map.of("fencing_token", 1, "level", "loud", "message", "x")),
                422);
        assertError(
                api(WORKER_KEY)
                        .post("/api/v1/workers/" + worker.id() + "/heartbeat", Map.of("current_task_id", taskId)),
                422);
        assertError(
                api(WORKER_KEY).post("/api/v1/workers/" + worker.id() + "/heartbeat", Map.of("status", "napping")),
                422);
        assertError(api(WORKER_KEY).post(reports + "/complete", Map.of("fencing_token", 7)), 409);
        assertThat(worker.complete(claim, Map.of()).status()).isEqualTo(200);
    }

    private static void assertError(Answer answer, int status) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.text("detail")).isNotBlank();
        assertThat(answer.text("type")).isNotBlank();
        assertThat(answer.text("request_id")).isNotBlank();
    }

    private ExternalWorker worker() {
        return new ExternalWorker(
                api(WORKER_KEY), "worker-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static Map<String, Object> external(String problem, Map<String, Object> parameters) {
        return Map.of(
                "type",
                "external",
                "problem_id",
                problem,
                "parameters",
                parameters,
                "retry",
                Map.of("max_attempts", 3));
    }

    private JsonNode task(String taskId) {
        return operator().get("/api/v1/tasks/" + taskId).body();
    }

    private JsonNode timelineEntry(String taskId, String type) {
        return await().atMost(CATCH_UP)
                .until(
                        () -> StreamSupport.stream(
                                        operator()
                                                .get("/api/v1/tasks/" + taskId + "/timeline")
                                                .body()
                                                .path("events")
                                                .spliterator(),
                                        false)
                                .filter(event -> event.path("type").asText().equals(type))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private io.taskforge.support.ApiClient viewer() {
        return api(VIEWER_KEY);
    }

    private static List<String> ids(JsonNode workers) {
        return workers.findValuesAsText("id");
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
