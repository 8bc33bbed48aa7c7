package io.taskforge.api.families.backgroundtasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.api.reads.TaskReads;
import io.taskforge.api.retention.RetentionJob;
import io.taskforge.api.retention.RetentionProperties;
import io.taskforge.api.retention.TaskRetention;
import io.taskforge.support.ApiClient;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ApiIntegrationTest;
import io.taskforge.support.TestTask;
import io.taskforge.task.RetrySettings;
import io.taskforge.task.TaskCategory;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
import io.taskforge.task.command.CancelTaskCommand;
import io.taskforge.task.command.CompleteAttemptCommand;
import io.taskforge.task.command.CreateTaskCommand;
import io.taskforge.task.command.FailAttemptCommand;
import io.taskforge.task.command.ReportProgressCommand;
import io.taskforge.task.command.StartAttemptCommand;
import io.taskforge.task.command.TimeOutAttemptCommand;
import io.taskforge.task.query.FindTaskQuery;
import io.taskforge.task.query.ListFinishedBeforeQuery;
import io.taskforge.task.query.TaskView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Replays seed 001's documented calls against the engine, at the seed's paths and under
 * {@code /api/v1}, with the seed's example tasks driven into each state by domain commands.
 */
class Seed001IT extends ApiIntegrationTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(20);
    private static final Set<String> TASK_FIELDS = Set.of(
            "task_id",
            "command",
            "status",
            "created_at",
            "started_at",
            "completed_at",
            "error_message",
            "progress",
            "metadata");
    private static final List<String> INGEST_ARGV =
            List.of("python", "-m", "src.worker.ingest_worker", "--videos", "dQw4w9WgXcQ");
    private static final List<String> TEMPORAL_ARGV = List.of("background_video_processing", "--videos", "9bZkp7q19f0");

    @Autowired
    CommandGateway commands;

    @Autowired
    QueryGateway queries;

    @Autowired
    TaskReads reads;

    @Autowired
    TaskRetention retention;

    @Autowired
    RetentionJob configuredJob;

    @Autowired
    Clock clock;

    private JsonNode baseline;
    private TaskId ingest;
    private TaskId halfway;
    private TaskId temporal;
    private TaskId retrying;
    private TaskId completed;
    private TaskId reported;
    private TaskId failed;
    private TaskId timedOut;
    private TaskId cancelled;

    /** Two running tasks, a pending one, a retry, two completed, one failed, one timed out, one cancelled. */
    @BeforeEach
    void seed_example_tasks() {
        baseline = viewer().get("/tasks/stats").body();
        String run = UUID.randomUUID().toString();
        ingest = create(run, INGEST_ARGV, Map.of("videos", List.of("dQw4w9WgXcQ"), "request_type", "ingest"));
        halfway = create(run, null, Map.of("request_type", "ingest"));
        temporal = create(
                run,
                TEMPORAL_ARGV,
                Map.of("video_ids", List.of("9bZkp7q19f0"), "request_type", "temporal_video_ingest"));
        retrying = create(run, null, Map.of(), 3);
        completed = create(run, INGEST_ARGV, Map.of("videos", List.of("dQw4w9WgXcQ"), "request_type", "ingest"));
        reported = create(run, null, Map.of());
        failed = create(run, null, Map.of());
        timedOut = create(run, null, Map.of());
        cancelled = create(run, null, Map.of());

        start(ingest);
        commands.sendAndWait(new ReportProgressCommand(ingest, 1, 30, "Processing video segments..."));
        start(halfway);
        commands.sendAndWait(new ReportProgressCommand(halfway, 1, 45, null));
        start(retrying);
        commands.sendAndWait(FailAttemptCommand.of(retrying, 1, new TaskError("http_error", "unavailable", 503)));
        start(completed);
        commands.sendAndWait(new CompleteAttemptCommand(completed, 1, Map.of()));
        start(reported);
        commands.sendAndWait(new ReportProgressCommand(reported, 1, 100, "Task completed successfully"));
        commands.sendAndWait(new CompleteAttemptCommand(reported, 1, Map.of()));
        start(failed);
        commands.sendAndWait(FailAttemptCommand.of(failed, 1, new TaskError("http_error", "bad request", 400)));
        start(timedOut);
        commands.sendAndWait(new TimeOutAttemptCommand(timedOut, 1, "deadline passed"));
        commands.sendAndWait(new CancelTaskCommand(cancelled, "not needed", "test"));

        await().atMost(CATCH_UP)
                .until(() -> status(ingest) == TaskStatus.RUNNING
                        && "Processing video segments..."
                                .equals(find(ingest).orElseThrow().progressMessage())
                        && find(halfway).orElseThrow().progress() == 45
                        && status(temporal) == TaskStatus.PENDING
                        && status(retrying) == TaskStatus.RETRY_SCHEDULED
                        && status(completed) == TaskStatus.COMPLETED
                        && status(reported) == TaskStatus.COMPLETED
                        && status(failed) == TaskStatus.FAILED
                        && status(timedOut) == TaskStatus.TIMEOUT
                        && status(cancelled) == TaskStatus.CANCELLED);
        await().atMost(CATCH_UP)
                .until(() -> stats().path("total_tasks").asLong() == count("total_tasks") + 9
                        && stats().path("completed_tasks").asLong() == count("completed_tasks") + 2);
    }

    // curl -X GET "http://localhost:8000/tasks/stats"
    @Test
    void reports_statistics_with_the_success_rate() {
        Answer stats = viewer().get("/tasks/stats");

        assertThat(stats.status()).isEqualTo(200);
        JsonNode body = stats.body();
        assertThat(fieldNames(body))
                .containsExactlyInAnyOrder(
                        "total_tasks",
                        "running_tasks",
                        "pending_tasks",
                        "completed_tasks",
                        "failed_tasks",
                        "success_rate");
        assertThat(body.path("total_tasks").asLong()).isEqualTo(count("total_tasks") + 9);
        assertThat(body.path("running_tasks").asLong()).isEqualTo(count("running_tasks") + 2);
        assertThat(body.path("pending_tasks").asLong()).isEqualTo(count("pending_tasks") + 2);
        assertThat(body.path("completed_tasks").asLong()).isEqualTo(count("completed_tasks") + 2);
        assertThat(body.path("failed_tasks").asLong()).isEqualTo(count("failed_tasks") + 2);
        long done = body.path("completed_tasks").asLong();
        long broken = body.path("failed_tasks").asLong();
        assertThat(body.path("success_rate").asDouble())
                .isEqualTo(Math.round(done * 10_000.0 / (done + broken)) / 100.0)
                .isBetween(0.0, 100.0);
        assertThat(viewer().get("/api/v1/tasks/stats").body()).isEqualTo(body);
    }

    // curl -X GET "http://localhost:8000/tasks/running"
    @Test
    void lists_running_tasks_in_the_seed_shape() {
        for (String path : List.of("/tasks/running", "/api/v1/tasks/running")) {
            Answer running = viewer().get(path);

            assertThat(running.status()).isEqualTo(200);
            assertThat(fieldNames(running.body())).containsExactlyInAnyOrder("tasks", "total_count");
            List<JsonNode> tasks = list(running.body().path("tasks"));
            assertThat(tasks)
                    .allSatisfy(task -> assertThat(task.path("status").asText()).isEqualTo("running"));
            assertThat(running.body().path("total_count").asLong())
                    .isEqualTo(viewer().get("/tasks/count/running")
                            .body()
                            .path("running_tasks")
                            .asLong());
            List<String> ids = ids(tasks);
            assertThat(ids).contains(ingest.toString(), halfway.toString());
            assertThat(ids.indexOf(ingest.toString())).isLessThan(ids.indexOf(halfway.toString()));
            assertThat(ids).doesNotContain(temporal.toString(), completed.toString());

            JsonNode task = byId(tasks, ingest);
            assertThat(fieldNames(task)).isEqualTo(TASK_FIELDS);
            assertThat(task.path("command")).extracting(JsonNode::asText).containsExactlyElementsOf(INGEST_ARGV);
            assertThat(task.path("status").asText()).isEqualTo("running");
            assertIsoUtc(task.path("created_at").asText());
            assertThat(Instant.parse(task.path("started_at").asText()))
                    .isAfterOrEqualTo(Instant.parse(task.path("created_at").asText()));
            assertThat(task.path("completed_at").isNull()).isTrue();
            assertThat(task.path("error_message").isNull()).isTrue();
            assertThat(task.path("progress").asText()).isEqualTo("Processing video segments...");
            assertThat(task.path("metadata").path("videos"))
                    .extracting(JsonNode::asText)
                    .containsExactly("dQw4w9WgXcQ");
            assertThat(task.path("metadata").path("request_type").asText()).isEqualTo("ingest");

            JsonNode unnamed = byId(tasks, halfway);
            assertThat(unnamed.path("progress").asText()).isEqualTo("45%");
            assertThat(unnamed.path("command").isNull()).isTrue();
        }
    }

    // curl -X GET "http://localhost:8000/tasks/pending"
    @Test
    void lists_pending_tasks_and_scheduled_retries() {
        for (String path : List.of("/tasks/pending", "/api/v1/tasks/pending")) {
            Answer pending = viewer().get(path);

            assertThat(pending.status()).isEqualTo(200);
            assertThat(fieldNames(pending.body())).containsExactlyInAnyOrder("tasks", "total_count");
            List<JsonNode> tasks = list(pending.body().path("tasks"));
            assertThat(tasks)
                    .allSatisfy(task -> assertThat(task.path("status").asText()).isIn("pending", "retry_scheduled"));
            assertThat(pending.body().path("total_count").asLong())
                    .isEqualTo(viewer().get("/tasks/stats")
                            .body()
                            .path("pending_tasks")
                            .asLong());

            JsonNode queued = byId(tasks, temporal);
            assertThat(fieldNames(queued)).isEqualTo(TASK_FIELDS);
            assertThat(queued.path("command")).extracting(JsonNode::asText).containsExactlyElementsOf(TEMPORAL_ARGV);
            assertThat(queued.path("status").asText()).isEqualTo("pending");
            assertThat(queued.path("started_at").isNull()).isTrue();
            assertThat(queued.path("completed_at").isNull()).isTrue();
            assertThat(queued.path("error_message").isNull()).isTrue();
            assertThat(queued.path("progress").isNull()).isTrue();
            assertThat(queued.path("metadata").path("video_ids"))
                    .extracting(JsonNode::asText)
                    .containsExactly("9bZkp7q19f0");
            assertThat(queued.path("metadata").path("request_type").asText()).isEqualTo("temporal_video_ingest");

            JsonNode retry = byId(tasks, retrying);
            assertThat(retry.path("status").asText()).isEqualTo("retry_scheduled");
            assertThat(retry.path("error_message").asText()).isEqualTo("unavailable");
        }
    }

    // GET /tasks/all?include_completed=&limit=
    @Test
    void lists_all_tasks_with_or_without_finished_ones() {
        Answer all = viewer().get("/tasks/all");

        assertThat(all.status()).isEqualTo(200);
        assertThat(fieldNames(all.body())).containsExactlyInAnyOrder("tasks", "total_count");
        long total = all.body().path("total_count").asLong();
        assertThat(total)
                .isEqualTo(
                        viewer().get("/tasks/stats").body().path("total_tasks").asLong());
        List<JsonNode> tasks = list(all.body().path("tasks"));
        assertThat(tasks).hasSize((int) Math.min(50, total));
        assertThat(ids(tasks))
                .contains(ingest.toString(), temporal.toString(), completed.toString(), failed.toString())
                .contains(timedOut.toString(), cancelled.toString(), retrying.toString());
        assertThat(fieldNames(byId(tasks, completed))).isEqualTo(TASK_FIELDS);

        Answer unfinished = viewer().get("/api/v1/tasks/all?include_completed=false");
        List<String> unfinishedIds = ids(list(unfinished.body().path("tasks")));
        assertThat(unfinishedIds)
                .contains(ingest.toString(), halfway.toString(), temporal.toString(), retrying.toString());
        assertThat(unfinishedIds)
                .doesNotContain(
                        completed.toString(),
                        reported.toString(),
                        failed.toString(),
                        timedOut.toString(),
                        cancelled.toString());
        assertThat(list(unfinished.body().path("tasks")))
                .allSatisfy(
                        task -> assertThat(task.path("status").asText()).isIn("pending", "running", "retry_scheduled"));
        JsonNode stats = viewer().get("/tasks/stats").body();
        assertThat(unfinished.body().path("total_count").asLong())
                .isEqualTo(stats.path("running_tasks").asLong()
                        + stats.path("pending_tasks").asLong());

        assertThat(list(viewer().get("/tasks/all?include_completed=true&limit=3")
                        .body()
                        .path("tasks")))
                .hasSize(3);
        assertError(viewer().get("/tasks/all?limit=0"), 400, "bad_request");
        assertError(viewer().get("/tasks/all?include_completed=maybe"), 400, "bad_request");
    }

    // curl -X GET "http://localhost:8000/tasks/550e8400-e29b-41d4-a716-446655440000"
    @Test
    void reads_one_task_in_the_seed_shape_and_answers_404_for_unknown_ids() {
        Answer done = viewer().get("/tasks/" + reported);

        assertThat(done.status()).isEqualTo(200);
        assertThat(fieldNames(done.body())).isEqualTo(TASK_FIELDS);
        assertThat(done.text("task_id")).isEqualTo(reported.toString());
        assertThat(done.text("status")).isEqualTo("completed");
        assertThat(Instant.parse(done.text("completed_at"))).isAfterOrEqualTo(Instant.parse(done.text("started_at")));
        assertThat(done.text("progress")).isEqualTo("Task completed successfully");
        assertThat(viewer().get("/tasks/" + completed).text("progress")).isEqualTo("100%");
        Answer broken = viewer().get("/tasks/" + failed);
        assertThat(broken.text("status")).isEqualTo("failed");
        assertThat(broken.text("error_message")).isEqualTo("bad request");
        assertThat(broken.body().path("completed_at").isNull()).isTrue();
        assertThat(viewer().get("/tasks/" + timedOut).text("status")).isEqualTo("timeout");
        assertThat(viewer().get("/tasks/" + cancelled).text("status")).isEqualTo("cancelled");

        assertError(viewer().get("/tasks/550e8400-e29b-41d4-a716-446655440000"), 404, "not_found");
        assertError(viewer().get("/tasks/not-a-task"), 404, "not_found");

        Answer canonical = viewer().get("/api/v1/tasks/" + reported);
        assertThat(canonical.status()).isEqualTo(200);
        assertThat(canonical.text("task_id")).isEqualTo(reported.toString());
        assertThat(canonical.text("id")).isEqualTo(reported.toString());
        assertError(viewer().get("/api/v1/tasks/550e8400-e29b-41d4-a716-446655440000"), 404, "not_found");
    }

    // curl -X GET "http://localhost:8000/tasks/count/running"
    @Test
    void counts_running_tasks() {
        for (String path : List.of("/tasks/count/running", "/api/v1/tasks/count/running")) {
            Answer count = viewer().get(path);

            assertThat(count.status()).isEqualTo(200);
            assertThat(fieldNames(count.body())).containsExactly("running_tasks");
            assertThat(count.body().path("running_tasks").asLong())
                    .isEqualTo(count("running_tasks") + 2)
                    .isEqualTo(viewer().get("/tasks/stats")
                            .body()
                            .path("running_tasks")
                            .asLong());
        }
    }

    // curl -X DELETE "http://localhost:8000/tasks/cleanup?days=7"
    @Test
    void cleans_up_finished_tasks_older_than_the_given_days_by_archiving_them() {
        Answer keepsRecent = operator().delete("/tasks/cleanup?days=7");

        assertThat(keepsRecent.status()).isEqualTo(200);
        assertThat(fieldNames(keepsRecent.body())).containsExactlyInAnyOrder("cleaned_tasks", "days");
        assertThat(keepsRecent.body().path("cleaned_tasks").asLong()).isZero();
        assertThat(keepsRecent.body().path("days").asInt()).isEqualTo(7);
        assertThat(operator().delete("/tasks/cleanup").body().path("days").asInt())
                .isEqualTo(7);

        JsonNode before = viewer().get("/tasks/stats").body();
        Answer cleaned = operator().delete("/api/v1/tasks/cleanup?days=0");

        assertThat(cleaned.status()).isEqualTo(200);
        assertThat(cleaned.body().path("days").asInt()).isZero();
        long archived = cleaned.body().path("cleaned_tasks").asLong();
        assertThat(archived).isGreaterThanOrEqualTo(finishedHere().size());
        await().atMost(CATCH_UP).until(() -> finishedHere().stream()
                .allMatch(id -> find(id).orElseThrow().archived()));
        for (TaskId unfinished : List.of(ingest, halfway, temporal, retrying)) {
            assertThat(find(unfinished).orElseThrow().archived()).isFalse();
        }
        await().atMost(CATCH_UP)
                .until(() -> stats().path("total_tasks").asLong()
                        == before.path("total_tasks").asLong() - archived);
        JsonNode after = stats();
        assertThat(after.path("completed_tasks").asLong()).isZero();
        assertThat(after.path("failed_tasks").asLong()).isZero();
        assertThat(after.path("running_tasks")).isEqualTo(before.path("running_tasks"));
        assertThat(ids(list(viewer().get("/tasks/all?limit=1000").body().path("tasks"))))
                .doesNotContain(completed.toString(), failed.toString(), cancelled.toString())
                .contains(ingest.toString(), temporal.toString());
        Answer archivedTask = viewer().get("/api/v1/tasks/" + completed);
        assertThat(archivedTask.body().path("archived").asBoolean()).isTrue();
        assertThat(viewer().get("/tasks/" + completed).text("status")).isEqualTo("completed");

        await().atMost(CATCH_UP).until(() -> finishedBefore(clock.instant()).isEmpty());
        assertThat(operator()
                        .delete("/tasks/cleanup?days=0")
                        .body()
                        .path("cleaned_tasks")
                        .asLong())
                .isZero();
    }

    @Test
    void refuses_a_negative_or_malformed_age_and_callers_without_the_operator_role() {
        assertError(operator().delete("/tasks/cleanup?days=-1"), 400, "bad_request");
        assertError(operator().delete("/api/v1/tasks/cleanup?days=-1"), 400, "bad_request");
        assertError(operator().delete("/tasks/cleanup?days=week"), 400, "bad_request");
        assertError(viewer().delete("/tasks/cleanup?days=7"), 403, "forbidden");
        assertError(api(null).delete("/tasks/cleanup?days=7"), 401, "unauthorized");
    }

    @Test
    void requires_an_api_key() {
        ApiClient anonymous = api(null);
        for (String path : List.of(
                "/tasks/stats",
                "/tasks/running",
                "/tasks/pending",
                "/tasks/all",
                "/tasks/" + ingest,
                "/tasks/count/running",
                "/api/v1/tasks/stats",
                "/api/v1/tasks/running",
                "/api/v1/tasks/pending",
                "/api/v1/tasks/all",
                "/api/v1/tasks/count/running")) {
            assertError(anonymous.get(path), 401, "unauthorized");
        }
    }

    @Test
    void retention_job_archives_tasks_finished_longer_ago_than_the_retention_hours() {
        assertThat(configuredJob.isRunning())
                .as("TASK_RETENTION_HOURS 0 keeps tasks forever")
                .isFalse();
        var oneHour = new RetentionProperties(1, Duration.ofMillis(100));
        Clock twoHoursLater = Clock.offset(clock, Duration.ofHours(2));

        assertThat(new RetentionJob(retention, oneHour, clock).archiveRound()).isZero();
        assertThat(find(completed).orElseThrow().archived()).isFalse();

        var twoAtATime = new TaskRetention(commands, reads, 2);
        assertThat(new RetentionJob(twoAtATime, oneHour, twoHoursLater).archiveRound())
                .isGreaterThanOrEqualTo(finishedHere().size());
        await().atMost(CATCH_UP).until(() -> finishedHere().stream()
                .allMatch(id -> find(id).orElseThrow().archived()));
        assertThat(find(ingest).orElseThrow().archived()).isFalse();
        assertThat(find(retrying).orElseThrow().archived()).isFalse();

        commands.sendAndWait(new CompleteAttemptCommand(ingest, 1, Map.of()));
        RetentionJob job = new RetentionJob(twoAtATime, oneHour, twoHoursLater);
        job.start();
        try {
            assertThat(job.isRunning()).isTrue();
            await().atMost(CATCH_UP).until(() -> find(ingest).orElseThrow().archived());
        } finally {
            job.stop();
        }
        assertThat(job.isRunning()).isFalse();
        assertThat(find(halfway).orElseThrow().archived()).isFalse();
    }

    @Test
    void documents_every_endpoint_in_the_openapi_description() {
        JsonNode paths = api(null).get("/v3/api-docs").body().path("paths");

        for (String path :
                List.of("/tasks/stats", "/tasks/running", "/tasks/pending", "/tasks/all", "/tasks/count/running")) {
            for (String prefix : List.of("", "/api/v1")) {
                JsonNode get = paths.path(prefix + path).path("get");
                assertThat(get.path("tags")).extracting(JsonNode::asText).containsExactly("Seed 001: task monitoring");
            }
        }
        assertThat(paths.path("/tasks/{taskId}").path("get").path("summary").asText())
                .isNotBlank();
        assertThat(paths.path("/tasks/cleanup").path("delete").path("summary").asText())
                .isNotBlank();
        assertThat(paths.path("/api/v1/tasks/cleanup")
                        .path("delete")
                        .path("summary")
                        .asText())
                .isNotBlank();
    }

    private TaskId create(String run, List<String> argv, Map<String, Object> metadata) {
        return create(run, argv, metadata, 1);
    }

    private TaskId create(String run, List<String> argv, Map<String, Object> metadata, int maxAttempts) {
        TaskId taskId = TaskId.random();
        var definition = TestTask.noop()
                .type(argv == null ? "noop" : "command")
                .category(TaskCategory.BACKGROUND)
                .description("seed 001 example")
                .input(argv == null ? Map.of() : Map.of("argv", argv))
                .metadata(metadata)
                .retry(new RetrySettings(maxAttempts, 60_000, 60_000, 0))
                .problemId("seed-001-" + run)
                .definition();
        commands.sendAndWait(new CreateTaskCommand(taskId, definition));
        return taskId;
    }

    private List<TaskId> finishedHere() {
        return List.of(completed, reported, failed, timedOut, cancelled);
    }

    private List<TaskView> finishedBefore(Instant cutoff) {
        return queries.query(
                        ListFinishedBeforeQuery.firstPage(cutoff, 10),
                        ResponseTypes.multipleInstancesOf(TaskView.class))
                .join();
    }

    private void start(TaskId taskId) {
        commands.sendAndWait(new StartAttemptCommand(taskId, 1, "worker-seed-001"));
    }

    private Optional<TaskView> find(TaskId taskId) {
        return queries.query(new FindTaskQuery(taskId), ResponseTypes.optionalInstanceOf(TaskView.class))
                .join();
    }

    private TaskStatus status(TaskId taskId) {
        return find(taskId).map(TaskView::status).orElse(null);
    }

    private JsonNode stats() {
        return viewer().get("/tasks/stats").body();
    }

    private long count(String field) {
        return baseline.path(field).asLong();
    }

    private ApiClient viewer() {
        return api(VIEWER_KEY);
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<String> ids(List<JsonNode> tasks) {
        return tasks.stream().map(task -> task.path("task_id").asText()).toList();
    }

    private static JsonNode byId(List<JsonNode> tasks, TaskId taskId) {
        return tasks.stream()
                .filter(task -> task.path("task_id").asText().equals(taskId.toString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("task " + taskId + " not listed"));
    }

    private static Set<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return Set.copyOf(names);
    }

    private static void assertError(Answer answer, int status, String type) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(fieldNames(answer.body())).containsExactlyInAnyOrder("detail", "type", "request_id");
        assertThat(answer.text("type")).isEqualTo(type);
        assertThat(answer.text("detail")).isNotBlank();
        assertThat(answer.text("request_id")).isNotBlank();
    }

    private static void assertIsoUtc(String timestamp) {
        assertThat(timestamp).endsWith("Z");
        assertThat(Instant.parse(timestamp)).isBefore(Instant.now().plusSeconds(1));
    }
}
