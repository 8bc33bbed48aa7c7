package io.taskforge.api.tasks;

import static io.taskforge.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.support.ApiClient;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ApiIntegrationTest;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.task.command.FailAttemptCommand;
import io.taskforge.task.command.StartAttemptCommand;
import io.taskforge.task.event.TaskCreatedEvent;
import io.taskforge.task.processing.ProcessingGroups;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every task gets a number when it is created, and every path that names a task takes it. */
class TaskNumbersIT extends ApiIntegrationTest {

    private static final String TASKS = "/api/v1/tasks";
    private static final Duration CATCH_UP = Duration.ofSeconds(20);
    private static final Map<String, Object> NOOP = Map.of("type", "noop");

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void numbers_tasks_in_the_order_they_are_submitted() {
        List<JsonNode> created = IntStream.range(0, 3)
                .mapToObj(i -> operator().post(TASKS, NOOP).body())
                .toList();

        assertThat(created).allSatisfy(task -> assertThat(task.path("number").isIntegralNumber())
                .isTrue());
        assertThat(created)
                .extracting(task -> task.path("number").asLong())
                .isSorted()
                .doesNotHaveDuplicates()
                .allSatisfy(number -> assertThat(number).isPositive());
        for (JsonNode task : created) {
            Answer byNumber = viewer().get(TASKS + "/" + task.path("number").asLong());
            assertThat(byNumber.status()).isEqualTo(200);
            assertThat(byNumber.body())
                    .isEqualTo(
                            viewer().get(TASKS + "/" + task.path("id").asText()).body());
        }
    }

    @Test
    void a_read_by_number_right_after_the_submission_waits_for_the_task_view() throws Exception {
        StreamingEventProcessor view = processing
                .eventProcessor(ProcessingGroups.TASK_VIEW, StreamingEventProcessor.class)
                .orElseThrow();
        view.shutDown();
        try (ExecutorService reader = Executors.newSingleThreadExecutor()) {
            JsonNode task = operator().post(TASKS, NOOP).body();
            Future<Answer> byNumber = reader.submit(
                    () -> viewer().get(TASKS + "/" + task.path("number").asLong()));
            long unknown = task.path("number").asLong() + 1_000_000;

            assertError(viewer().get(TASKS + "/" + unknown), 404, "not_found");
            Thread.sleep(300); // the read of the new task's number arrives while the view is stopped
            assertThat(byNumber.isDone())
                    .as("answered before the view showed the task")
                    .isFalse();
            view.start();

            Answer found = byNumber.get(20, TimeUnit.SECONDS);
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.text("task_id")).isEqualTo(task.path("id").asText());
        } finally {
            view.start();
        }
    }

    @Test
    void every_path_that_names_a_task_takes_its_number() {
        JsonNode task = operator().post(TASKS, NOOP).body();
        String id = task.path("id").asText();
        String number = task.path("number").asText();

        assertThat(viewer().get("/tasks/" + number).text("task_id")).isEqualTo(id);
        // the timeline is a read model, a moment behind the submission
        Answer timeline = await().atMost(CATCH_UP)
                .until(
                        () -> viewer().get(TASKS + "/" + number + "/timeline"),
                        answer -> answer.body().path("events").size() > 0);
        assertThat(timeline.text("task_id")).isEqualTo(id);
        assertThat(timeline.body().path("events").path(0).path("data").path("number"))
                .isEqualTo(task.path("number"));
        assertThat(viewer().get(TASKS + "/" + number + "/attempts").text("task_id"))
                .isEqualTo(id);
        assertThat(viewer().get(TASKS + "/" + number + "/logs").status()).isEqualTo(200);

        Answer cancelled = operator().post(TASKS + "/" + number + "/cancel");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("task_id")).isEqualTo(id);
        Answer retried = operator().post(TASKS + "/" + number + "/retry");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.text("task_id")).isEqualTo(id);
        Answer deleted = operator().delete(TASKS + "/" + number);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.text("task_id")).isEqualTo(id);
    }

    @Test
    void retries_a_dead_lettered_task_by_its_number() {
        JsonNode task = operator().post(TASKS, NOOP).body();
        TaskId id = TaskId.parse(task.path("id").asText());
        commands.sendAndWait(new StartAttemptCommand(id, 1, "worker-numbers"));
        commands.sendAndWait(FailAttemptCommand.of(id, 1, TaskError.of("validation_error", "bad input")));
        await().atMost(CATCH_UP)
                .until(() ->
                        viewer().get(TASKS + "/" + id).body().path("in_dlq").asBoolean());

        Answer retried =
                operator().post("/api/v1/failed-tasks/" + task.path("number").asLong() + "/retry");

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.text("task_id")).isEqualTo(id.toString());
    }

    @Test
    void answers_404_for_a_number_no_task_has() {
        for (String unknown : List.of("999999999", "0", "1234567890123456789012")) {
            assertError(viewer().get(TASKS + "/" + unknown), 404, "not_found");
            assertError(viewer().get("/tasks/" + unknown), 404, "not_found");
            assertError(viewer().get(TASKS + "/" + unknown + "/timeline"), 404, "not_found");
            assertError(operator().post(TASKS + "/" + unknown + "/cancel"), 404, "not_found");
            assertError(operator().post(TASKS + "/" + unknown + "/retry"), 404, "not_found");
        }
    }

    @Test
    void shows_no_number_for_a_task_created_before_tasks_had_numbers() {
        TaskId legacy = TaskId.random();
        storeFirstRevisionCreation(legacy, Instant.now().truncatedTo(ChronoUnit.MICROS));

        JsonNode task = await().atMost(CATCH_UP)
                .until(() -> viewer().get(TASKS + "/" + legacy), answer -> answer.status() == 200)
                .body();
        assertThat(task.path("number").isNull()).isTrue();
        assertThat(task.path("status").asText()).isEqualTo("pending");
        JsonNode listed = StreamSupport.stream(
                        viewer().get("/api/v1/system/tasks?limit=1000")
                                .body()
                                .path("tasks")
                                .spliterator(),
                        false)
                .filter(row -> row.path("task_id").asText().equals(legacy.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(listed.has("id")).isTrue();
        assertThat(listed.path("id").isNull()).isTrue();
        assertThat(operator().post(TASKS + "/" + legacy + "/cancel").status()).isEqualTo(200);
    }

    /** Stores a task's creation as the engine stored it before task numbers: revision 1, no number. */
    private void storeFirstRevisionCreation(TaskId taskId, Instant at) {
        String payload = """
                {"taskId": {"value": "%s"},
                 "definition": {"type": "noop", "category": "GENERAL", "description": "created before numbers",
                   "input": {}, "metadata": {}, "provider": null, "priority": 0, "timeoutSeconds": 60,
                   "retry": {"maxAttempts": 1, "baseDelayMillis": 1000, "maxDelayMillis": 30000, "jitter": 0.25},
                   "owner": null, "createdBy": "test", "problemId": null, "idempotencyKey": null},
                 "occurredAt": "%s"}""".formatted(taskId, at);
        jdbc.update(
                "INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type,"
                        + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
                        + " VALUES (nextval('domain_event_entry_seq'), ?, 0, 'Task', ?, ?, ?, NULL, ?, ?)",
                taskId.toString(),
                UUID.randomUUID().toString(),
                "{}".getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8),
                TaskCreatedEvent.class.getName(),
                at.toString());
    }

    private ApiClient viewer() {
        return api(VIEWER_KEY);
    }
}
