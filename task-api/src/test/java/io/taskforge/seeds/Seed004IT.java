package io.taskforge.seeds;

import static io.taskforge.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ApiIntegrationTest;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.task.command.CompleteAttemptCommand;
import io.taskforge.task.command.FailAttemptCommand;
import io.taskforge.task.command.ReportProgressCommand;
import io.taskforge.task.command.StartAttemptCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The seed 004 document (async long-running tasks) against the engine. Its {@code processing} is
 * the engine's {@code running}: accepted as a filter value, answered as {@code running}.
 */
class Seed004IT extends ApiIntegrationTest {

    private static final String TASKS = "/api/v1/tasks";
    private static final Duration CATCH_UP = Duration.ofSeconds(20);

    @Autowired
    CommandGateway commands;

    /** {@code GET /api/v1/tasks/{task_id}} while processing: progress, no result, no error. */
    @Test
    void get_a_processing_task() {
        String id = submit();
        commands.sendAndWait(new StartAttemptCommand(TaskId.parse(id), 1, "worker-1"));
        commands.sendAndWait(new ReportProgressCommand(TaskId.parse(id), 1, 45, "rendering"));

        JsonNode task = await().atMost(CATCH_UP)
                .until(
                        () -> operator().get(TASKS + "/" + id).body(),
                        body -> body.path("progress").asInt() == 45);

        assertThat(task.path("task_id").asText()).isEqualTo(id);
        assertThat(task.path("status").asText()).isEqualTo("running");
        assertThat(task.path("progress").isInt()).isTrue();
        assertThat(Instant.parse(task.path("created_at").asText())).isNotNull();
        assertThat(Instant.parse(task.path("updated_at").asText())).isNotNull();
        assertThat(task.path("completed_at").isNull()).isTrue();
        assertThat(task.path("result").isNull()).isTrue();
        assertThat(task.path("error").isNull()).isTrue();
    }

    /** Completed: progress 100, completed_at and the result. */
    @Test
    void get_a_completed_task() {
        String id = submit();
        commands.sendAndWait(new StartAttemptCommand(TaskId.parse(id), 1, "worker-1"));
        commands.sendAndWait(new CompleteAttemptCommand(
                TaskId.parse(id),
                1,
                Map.of(
                        "service",
                        "veo3",
                        "result",
                        Map.of("video_url", "https://cdn.example.com/video.mp4"),
                        "duration",
                        60.5)));

        JsonNode task = awaitStatus(id, "completed");

        assertThat(task.path("progress").asInt()).isEqualTo(100);
        assertThat(Instant.parse(task.path("completed_at").asText())).isNotNull();
        assertThat(task.path("result").path("service").asText()).isEqualTo("veo3");
        assertThat(task.path("result").path("result").path("video_url").asText())
                .isEqualTo("https://cdn.example.com/video.mp4");
        assertThat(task.path("result").path("duration").asDouble()).isEqualTo(60.5);
        assertThat(task.path("error").isNull()).isTrue();
    }

    /** Failed (a provider's HTTP 400 is permanent): error {type, message}, no completed_at, no result. */
    @Test
    void get_a_failed_task() {
        String id = submit();
        commands.sendAndWait(new StartAttemptCommand(TaskId.parse(id), 1, "worker-1"));
        commands.sendAndWait(FailAttemptCommand.of(
                TaskId.parse(id), 1, new TaskError("VideoGenerationError", "Content policy violation", 400)));

        JsonNode task = awaitStatus(id, "failed");

        assertThat(task.path("error").path("type").asText()).isEqualTo("VideoGenerationError");
        assertThat(task.path("error").path("message").asText()).isEqualTo("Content policy violation");
        assertThat(task.path("completed_at").isNull()).isTrue();
        assertThat(task.path("result").isNull()).isTrue();
        assertThat(task.path("progress").isInt()).isTrue();
    }

    /** {@code DELETE /api/v1/tasks/{task_id}}: {success, message, task_id}. */
    @Test
    void cancel_task() {
        String id = submit();

        Answer cancelled = operator().delete(TASKS + "/" + id);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().path("success").asBoolean()).isTrue();
        assertThat(cancelled.text("message")).isEqualTo("Task " + id + " has been cancelled");
        assertThat(cancelled.text("task_id")).isEqualTo(id);
        awaitStatus(id, "cancelled");
        assertError(operator().delete(TASKS + "/" + id), 409, "already_finished");
    }

    /** Completed or already failed tasks cannot be cancelled. */
    @Test
    void cancel_a_finished_task_conflicts() {
        String completed = submit();
        commands.sendAndWait(new StartAttemptCommand(TaskId.parse(completed), 1, "worker-1"));
        commands.sendAndWait(new CompleteAttemptCommand(TaskId.parse(completed), 1, Map.of()));
        String failed = submit();
        commands.sendAndWait(new StartAttemptCommand(TaskId.parse(failed), 1, "worker-1"));
        commands.sendAndWait(
                FailAttemptCommand.of(TaskId.parse(failed), 1, new TaskError("http_error", "bad request", 400)));

        assertError(operator().delete(TASKS + "/" + completed), 409, "already_finished");
        assertError(operator().delete(TASKS + "/" + failed), 409, "already_finished");
    }

    /** {@code GET /api/v1/tasks}: an array whose items carry task_id, status, progress, times and message. */
    @Test
    void list_tasks() {
        String problem = "seed004-" + UUID.randomUUID();
        String pending = submit(problem);
        String processing = submit(problem);
        commands.sendAndWait(new StartAttemptCommand(TaskId.parse(processing), 1, "worker-1"));
        awaitStatus(processing, "running");

        Answer list = operator().get(TASKS + "?problem_id=" + problem);
        Answer onlyProcessing = operator().get(TASKS + "?problem_id=" + problem + "&status=processing");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().isArray()).isTrue();
        for (JsonNode item : list.body()) {
            assertThat(item.path("task_id").asText()).isIn(pending, processing);
            assertThat(item.path("progress").isInt()).isTrue();
            assertThat(item.path("message").asText()).isNotBlank();
            assertThat(Instant.parse(item.path("created_at").asText())).isNotNull();
            assertThat(Instant.parse(item.path("updated_at").asText())).isNotNull();
        }
        assertThat(messageOf(list, pending)).isEqualTo("Task queued");
        assertThat(messageOf(list, processing)).isEqualTo("Task processing started");
        assertThat(onlyProcessing.status()).isEqualTo(200);
        assertThat(StreamSupport.stream(onlyProcessing.body().spliterator(), false)
                        .map(item -> item.path("task_id").asText())
                        .toList())
                .containsExactly(processing);
    }

    private String submit() {
        return submit("seed004-" + UUID.randomUUID());
    }

    private String submit(String problem) {
        Answer created = operator().post(TASKS, Map.of("type", "noop", "problem_id", problem));
        assertThat(created.status()).isEqualTo(201);
        return created.text("task_id");
    }

    private JsonNode awaitStatus(String id, String status) {
        return await().atMost(CATCH_UP)
                .until(
                        () -> operator().get(TASKS + "/" + id).body(),
                        task -> task.path("status").asText().equals(status));
    }

    private static String messageOf(Answer list, String id) {
        return StreamSupport.stream(list.body().spliterator(), false)
                .filter(item -> item.path("task_id").asText().equals(id))
                .map(item -> item.path("message").asText())
                .findFirst()
                .orElseThrow();
    }
}
