package io.taskforge.api.families.backgroundtasks;

import static io.taskforge.api.families.backgroundtasks.Seed001Examples.INGEST_ARGV;
import static io.taskforge.api.families.backgroundtasks.Seed001Examples.TASK_FIELDS;
import static io.taskforge.api.families.backgroundtasks.Seed001Examples.TEMPORAL_ARGV;
import static io.taskforge.support.ApiAssertions.assertError;
import static io.taskforge.support.TaskJson.assertIsoUtc;
import static io.taskforge.support.TaskJson.byId;
import static io.taskforge.support.TaskJson.fieldNames;
import static io.taskforge.support.TaskJson.ids;
import static io.taskforge.support.TaskJson.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.engine.numbering.TaskNumbers;
import io.taskforge.support.ApiClient;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.DefaultModeIntegrationTest;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Replays seed 001's documented calls as its clients send them, without an API key, against an
 * engine in its default mode, at the seed's paths and under {@code /api/v1}. The clean-up, which
 * changes tasks, needs a key in every mode; {@link Seed001CleanupIT} runs it with one.
 */
class Seed001IT extends DefaultModeIntegrationTest {

    @Autowired
    CommandGateway commands;

    @Autowired
    QueryGateway queries;

    @Autowired
    TaskNumbers numbers;

    private Seed001Examples examples;

    @BeforeEach
    void seed_example_tasks() {
        examples = new Seed001Examples(commands, queries, numbers, keyless());
    }

    // curl -X GET "http://localhost:8000/tasks/stats"
    @Test
    void reports_statistics_with_the_success_rate() {
        Answer stats = keyless().get("/tasks/stats");

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
        assertThat(body.path("total_tasks").asLong()).isEqualTo(examples.count("total_tasks") + 9);
        assertThat(body.path("running_tasks").asLong()).isEqualTo(examples.count("running_tasks") + 2);
        assertThat(body.path("pending_tasks").asLong()).isEqualTo(examples.count("pending_tasks") + 2);
        assertThat(body.path("completed_tasks").asLong()).isEqualTo(examples.count("completed_tasks") + 2);
        assertThat(body.path("failed_tasks").asLong()).isEqualTo(examples.count("failed_tasks") + 2);
        long done = body.path("completed_tasks").asLong();
        long broken = body.path("failed_tasks").asLong();
        assertThat(body.path("success_rate").asDouble())
                .isEqualTo(Math.round(done * 10_000.0 / (done + broken)) / 100.0)
                .isBetween(0.0, 100.0);
        assertThat(keyless().get("/api/v1/tasks/stats").body()).isEqualTo(body);
    }

    // curl -X GET "http://localhost:8000/tasks/running"
    @Test
    void lists_running_tasks_in_the_seed_shape() {
        for (String path : List.of("/tasks/running", "/api/v1/tasks/running")) {
            Answer running = keyless().get(path);

            assertThat(running.status()).isEqualTo(200);
            assertThat(fieldNames(running.body())).containsExactlyInAnyOrder("tasks", "total_count");
            List<JsonNode> tasks = list(running.body().path("tasks"));
            assertThat(tasks)
                    .allSatisfy(task -> assertThat(task.path("status").asText()).isEqualTo("running"));
            assertThat(running.body().path("total_count").asLong())
                    .isEqualTo(keyless()
                            .get("/tasks/count/running")
                            .body()
                            .path("running_tasks")
                            .asLong());
            List<String> ids = ids(tasks);
            assertThat(ids).contains(examples.ingest.toString(), examples.halfway.toString());
            assertThat(ids.indexOf(examples.ingest.toString())).isLessThan(ids.indexOf(examples.halfway.toString()));
            assertThat(ids).doesNotContain(examples.temporal.toString(), examples.completed.toString());

            JsonNode task = byId(tasks, examples.ingest);
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

            JsonNode unnamed = byId(tasks, examples.halfway);
            assertThat(unnamed.path("progress").asText()).isEqualTo("45%");
            assertThat(unnamed.path("command").isNull()).isTrue();
        }
    }

    // curl -X GET "http://localhost:8000/tasks/pending"
    @Test
    void lists_pending_tasks_and_scheduled_retries() {
        for (String path : List.of("/tasks/pending", "/api/v1/tasks/pending")) {
            Answer pending = keyless().get(path);

            assertThat(pending.status()).isEqualTo(200);
            assertThat(fieldNames(pending.body())).containsExactlyInAnyOrder("tasks", "total_count");
            List<JsonNode> tasks = list(pending.body().path("tasks"));
            assertThat(tasks)
                    .allSatisfy(task -> assertThat(task.path("status").asText()).isIn("pending", "retry_scheduled"));
            assertThat(pending.body().path("total_count").asLong())
                    .isEqualTo(keyless()
                            .get("/tasks/stats")
                            .body()
                            .path("pending_tasks")
                            .asLong());

            JsonNode queued = byId(tasks, examples.temporal);
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

            JsonNode retry = byId(tasks, examples.retrying);
            assertThat(retry.path("status").asText()).isEqualTo("retry_scheduled");
            assertThat(retry.path("error_message").asText()).isEqualTo("unavailable");
        }
    }

    // GET /tasks/all?include_completed=&limit=
    @Test
    void lists_all_tasks_with_or_without_finished_ones() {
        Answer all = keyless().get("/tasks/all");

        assertThat(all.status()).isEqualTo(200);
        assertThat(fieldNames(all.body())).containsExactlyInAnyOrder("tasks", "total_count");
        long total = all.body().path("total_count").asLong();
        assertThat(total)
                .isEqualTo(
                        keyless().get("/tasks/stats").body().path("total_tasks").asLong());
        List<JsonNode> tasks = list(all.body().path("tasks"));
        assertThat(tasks).hasSize((int) Math.min(50, total));
        assertThat(ids(tasks))
                .contains(
                        examples.ingest.toString(),
                        examples.temporal.toString(),
                        examples.completed.toString(),
                        examples.failed.toString())
                .contains(examples.timedOut.toString(), examples.cancelled.toString(), examples.retrying.toString());
        assertThat(fieldNames(byId(tasks, examples.completed))).isEqualTo(TASK_FIELDS);

        Answer unfinished = keyless().get("/api/v1/tasks/all?include_completed=false");
        List<String> unfinishedIds = ids(list(unfinished.body().path("tasks")));
        assertThat(unfinishedIds)
                .contains(
                        examples.ingest.toString(),
                        examples.halfway.toString(),
                        examples.temporal.toString(),
                        examples.retrying.toString());
        assertThat(unfinishedIds)
                .doesNotContain(
                        examples.completed.toString(),
                        examples.reported.toString(),
                        examples.failed.toString(),
                        examples.timedOut.toString(),
                        examples.cancelled.toString());
        assertThat(list(unfinished.body().path("tasks")))
                .allSatisfy(
                        task -> assertThat(task.path("status").asText()).isIn("pending", "running", "retry_scheduled"));
        JsonNode stats = keyless().get("/tasks/stats").body();
        assertThat(unfinished.body().path("total_count").asLong())
                .isEqualTo(stats.path("running_tasks").asLong()
                        + stats.path("pending_tasks").asLong());

        assertThat(list(keyless()
                        .get("/tasks/all?include_completed=true&limit=3")
                        .body()
                        .path("tasks")))
                .hasSize(3);
        assertError(keyless().get("/tasks/all?limit=0"), 400, "bad_request");
        assertError(keyless().get("/tasks/all?include_completed=maybe"), 400, "bad_request");
    }

    // curl -X GET "http://localhost:8000/tasks/550e8400-e29b-41d4-a716-446655440000"
    @Test
    void reads_one_task_in_the_seed_shape_and_answers_404_for_unknown_ids() {
        Answer done = keyless().get("/tasks/" + examples.reported);

        assertThat(done.status()).isEqualTo(200);
        assertThat(fieldNames(done.body())).isEqualTo(TASK_FIELDS);
        assertThat(done.text("task_id")).isEqualTo(examples.reported.toString());
        assertThat(done.text("status")).isEqualTo("completed");
        assertThat(Instant.parse(done.text("completed_at"))).isAfterOrEqualTo(Instant.parse(done.text("started_at")));
        assertThat(done.text("progress")).isEqualTo("Task completed successfully");
        assertThat(keyless().get("/tasks/" + examples.completed).text("progress"))
                .isEqualTo("100%");
        Answer broken = keyless().get("/tasks/" + examples.failed);
        assertThat(broken.text("status")).isEqualTo("failed");
        assertThat(broken.text("error_message")).isEqualTo("bad request");
        assertThat(broken.body().path("completed_at").isNull()).isTrue();
        assertThat(keyless().get("/tasks/" + examples.timedOut).text("status")).isEqualTo("timeout");
        assertThat(keyless().get("/tasks/" + examples.cancelled).text("status")).isEqualTo("cancelled");

        assertError(keyless().get("/tasks/550e8400-e29b-41d4-a716-446655440000"), 404, "not_found");
        assertError(keyless().get("/tasks/not-a-task"), 404, "not_found");

        Answer canonical = keyless().get("/api/v1/tasks/" + examples.reported);
        assertThat(canonical.status()).isEqualTo(200);
        assertThat(canonical.text("task_id")).isEqualTo(examples.reported.toString());
        assertThat(canonical.text("id")).isEqualTo(examples.reported.toString());
        long number = examples.find(examples.reported).orElseThrow().number();
        assertThat(canonical.body().path("number").asLong()).isEqualTo(number);
        assertThat(keyless().get("/tasks/" + number).body()).isEqualTo(done.body());
        assertError(keyless().get("/api/v1/tasks/550e8400-e29b-41d4-a716-446655440000"), 404, "not_found");
    }

    // curl -X GET "http://localhost:8000/tasks/count/running"
    @Test
    void counts_running_tasks() {
        for (String path : List.of("/tasks/count/running", "/api/v1/tasks/count/running")) {
            Answer count = keyless().get(path);

            assertThat(count.status()).isEqualTo(200);
            assertThat(fieldNames(count.body())).containsExactly("running_tasks");
            assertThat(count.body().path("running_tasks").asLong())
                    .isEqualTo(examples.count("running_tasks") + 2)
                    .isEqualTo(keyless()
                            .get("/tasks/stats")
                            .body()
                            .path("running_tasks")
                            .asLong());
        }
    }

    // curl -X DELETE "http://localhost:8000/tasks/cleanup?days=7"
    @Test
    void refuses_the_clean_up_without_a_key() {
        assertError(keyless().delete("/tasks/cleanup?days=7"), 401, "unauthorized");
        assertError(keyless().delete("/api/v1/tasks/cleanup?days=7"), 401, "unauthorized");
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

    /** How seed 001's clients call: the documented curl calls send no key. */
    private ApiClient keyless() {
        return api(null);
    }
}
