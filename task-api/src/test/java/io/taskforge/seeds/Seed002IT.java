package io.taskforge.seeds;

import static io.taskforge.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.engine.logs.TaskLogStore;
import io.taskforge.handler.TaskLog;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ApiIntegrationTest;
import io.taskforge.task.TaskId;
import io.taskforge.task.command.CompleteAttemptCommand;
import io.taskforge.task.command.StartAttemptCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The seed 002 document (task executor with workers), replayed call by call against the engine. */
class Seed002IT extends ApiIntegrationTest {

    private static final String TASKS = "/api/v1/tasks";
    private static final Duration CATCH_UP = Duration.ofSeconds(20);

    @Autowired
    CommandGateway commands;

    @Autowired
    TaskLogStore logStore;

    /** {@code curl http://localhost:8000/health} */
    @Test
    void health_check() {
        Answer health = api(null).get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isIn("healthy", "degraded", "unhealthy");
        assertThat(health.text("version")).isNotBlank();
        assertThat(Instant.parse(health.text("timestamp"))).isNotNull();
        assertThat(health.body().path("database").path("connected").isBoolean()).isTrue();
        assertThat(health.body().path("database").path("latency_ms").isFloatingPointNumber())
                .isTrue();
        assertThat(fieldNames(health.body().path("workers"))).contains("total", "idle", "busy", "offline");
        assertThat(fieldNames(health.body().path("queue"))).contains("pending", "running", "completed");
    }

    /** {@code GET /ready} */
    @Test
    void readiness_check() {
        Answer ready = api(null).get("/ready");

        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body().path("ready").asBoolean()).isTrue();
        assertThat(ready.body().path("database").asBoolean()).isTrue();
        assertThat(ready.body().path("workers").isBoolean()).isTrue();
    }

    /** {@code GET /metrics} */
    @Test
    void prometheus_metrics() {
        Answer metrics = api(null).get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body().asText()).contains("# TYPE taskforge_").containsPattern("(?m)^taskforge_\\w+");
    }

    /** {@code POST /api/v1/tasks} with the documented request body: 201 with the task. */
    @Test
    void create_task() {
        Map<String, Object> parameters =
                Map.of("max_steps", 30, "timeout", 1800, "agent_config", Map.of("model", "gpt-4", "temperature", 0.7));

        Answer created = operator().post(TASKS, Map.of("problem_id", "test-problem-001", "parameters", parameters));

        assertThat(created.status()).isEqualTo(201);
        JsonNode task = created.body();
        assertThat(UUID.fromString(task.path("id").asText())).isNotNull();
        assertThat(task.path("problem_id").asText()).isEqualTo("test-problem-001");
        assertThat(task.path("status").asText()).isEqualTo("pending");
        assertThat(task.path("parameters").path("max_steps").asInt()).isEqualTo(30);
        assertThat(task.path("parameters").path("timeout").asInt()).isEqualTo(1800);
        assertThat(task.path("parameters").path("agent_config").path("model").asText())
                .isEqualTo("gpt-4");
        assertThat(task.path("parameters")
                        .path("agent_config")
                        .path("temperature")
                        .asDouble())
                .isEqualTo(0.7);
        assertThat(task.path("created_at").asText()).endsWith("Z");
        assertThat(task.path("updated_at").asText()).endsWith("Z");
    }

    /** {@code curl http://localhost:8000/api/v1/tasks/$TASK_ID}, for a task a worker completed. */
    @Test
    void get_task() {
        String id = createExample("get-" + UUID.randomUUID());
        TaskId taskId = TaskId.parse(id);
        commands.sendAndWait(new StartAttemptCommand(taskId, 1, "worker-001-kind"));
        commands.sendAndWait(new CompleteAttemptCommand(
                taskId,
                1,
                Map.of(
                        "success",
                        true,
                        "output",
                        "Task completed successfully",
                        "metrics",
                        Map.of("duration_seconds", 45.2, "steps_taken", 12))));

        JsonNode task = awaitTask(id, "completed");

        assertThat(task.path("id").asText()).isEqualTo(id);
        assertThat(task.path("worker_id").asText()).isEqualTo("worker-001-kind");
        assertThat(task.path("result").path("success").asBoolean()).isTrue();
        assertThat(task.path("result").path("output").asText()).isEqualTo("Task completed successfully");
        assertThat(task.path("result").path("metrics").path("steps_taken").asInt())
                .isEqualTo(12);
        assertThat(task.path("parameters").path("max_steps").asInt()).isEqualTo(30);
        for (String time : List.of("created_at", "updated_at", "started_at", "completed_at")) {
            assertThat(Instant.parse(task.path(time).asText())).as(time).isNotNull();
        }
    }

    /** {@code GET /api/v1/tasks?status=&problem_id=&worker_id=&limit=&offset=}: a JSON array. */
    @Test
    void list_tasks_with_filters() {
        String problem = "list-" + UUID.randomUUID();
        String worker = "worker-" + UUID.randomUUID();
        String first = createExample(problem);
        String second = createExample(problem);
        String third = createExample(problem);
        commands.sendAndWait(new StartAttemptCommand(TaskId.parse(second), 1, worker));
        awaitTask(second, "running");

        assertThat(ids(operator().get(TASKS + "?problem_id=" + problem))).containsExactly(third, second, first);
        assertThat(ids(operator().get(TASKS + "?problem_id=" + problem + "&status=pending")))
                .containsExactly(third, first);
        assertThat(ids(operator().get(TASKS + "?status=running&worker_id=" + worker)))
                .containsExactly(second);
        assertThat(ids(operator().get(TASKS + "?problem_id=" + problem + "&limit=1&offset=1")))
                .containsExactly(second);
        JsonNode item = operator().get(TASKS + "?problem_id=" + problem).body().get(0);
        assertThat(fieldNames(item)).contains("id", "problem_id", "status", "worker_id", "created_at");
    }

    /** {@code limit} defaults to 100. */
    @Test
    void list_tasks_returns_at_most_one_hundred_by_default() {
        String problem = "many-" + UUID.randomUUID();
        for (int i = 0; i < 101; i++) {
            createExample(problem);
        }
        // lists read the task view, which follows the submissions by a few milliseconds
        await().atMost(CATCH_UP)
                .until(
                        () -> ids(operator().get(TASKS + "?problem_id=" + problem + "&limit=1000")),
                        all -> all.size() == 101);

        // lists follow the submissions a moment later, once the task view has them
        await().atMost(CATCH_UP)
                .untilAsserted(() -> assertThat(ids(operator().get(TASKS + "?problem_id=" + problem + "&offset=100")))
                        .hasSize(1));
        assertThat(ids(operator().get(TASKS + "?problem_id=" + problem))).hasSize(100);
    }

    /** {@code curl -X POST http://localhost:8000/api/v1/tasks/$TASK_ID/cancel}; 409 once finished. */
    @Test
    void cancel_task() {
        String id = createExample("cancel-" + UUID.randomUUID());

        Answer cancelled = operator().post(TASKS + "/" + id + "/cancel");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("message")).isEqualTo("Task cancelled successfully");
        assertThat(cancelled.text("task_id")).isEqualTo(id);
        awaitTask(id, "cancelled");
        assertError(operator().post(TASKS + "/" + id + "/cancel"), 409, "already_finished");
    }

    /** A completed task cannot be cancelled. */
    @Test
    void cancel_a_finished_task_conflicts() {
        String id = createExample("finished-" + UUID.randomUUID());
        commands.sendAndWait(new StartAttemptCommand(TaskId.parse(id), 1, "worker-001-kind"));
        commands.sendAndWait(new CompleteAttemptCommand(TaskId.parse(id), 1, Map.of()));

        assertError(operator().post(TASKS + "/" + id + "/cancel"), 409, "already_finished");
    }

    /** {@code curl http://localhost:8000/api/v1/tasks/$TASK_ID/logs}, with and without level and limit. */
    @Test
    void get_task_logs() {
        String id = createExample("logs-" + UUID.randomUUID());
        TaskLog log = logStore.forAttempt(TaskId.parse(id), 1);
        log.write(TaskLog.Level.INFO, "Task execution started", Map.of("step", 1, "action", "initialize"));
        log.write(TaskLog.Level.DEBUG, "environment ready", Map.of());
        log.write(TaskLog.Level.ERROR, "agent crashed", Map.of("step", 7));
        log.write(TaskLog.Level.WARNING, "retrying step", Map.of("step", 7));

        Answer all = operator().get(TASKS + "/" + id + "/logs");
        Answer warnings = operator().get(TASKS + "/" + id + "/logs?level=warning");
        Answer limited = operator().get(TASKS + "/" + id + "/logs?limit=2");

        assertThat(all.status()).isEqualTo(200);
        JsonNode line = all.body().get(0);
        assertThat(Instant.parse(line.path("timestamp").asText())).isNotNull();
        assertThat(line.path("level").asText()).isEqualTo("info");
        assertThat(line.path("message").asText()).isEqualTo("Task execution started");
        assertThat(line.path("context").path("step").asInt()).isEqualTo(1);
        assertThat(line.path("context").path("action").asText()).isEqualTo("initialize");
        assertThat(messages(all)).hasSize(4);
        assertThat(messages(warnings)).containsExactly("agent crashed", "retrying step");
        assertThat(messages(limited)).containsExactly("Task execution started", "environment ready");
    }

    /** Errors answer {@code {detail, type, request_id}}: 404 for an unknown task, 422 for an invalid body. */
    @Test
    void error_responses() {
        Answer notFound = operator().get(TASKS + "/" + UUID.randomUUID());
        Answer invalid = operator().post(TASKS, Map.of("problem_id", "x", "parameters", Map.of("timeout", 0)));

        assertError(notFound, 404, "not_found");
        assertError(invalid, 422, "validation_error");
        assertThat(invalid.text("detail")).contains("timeout");
    }

    private String createExample(String problem) {
        Answer created = operator()
                .post(TASKS, Map.of("problem_id", problem, "parameters", Map.of("max_steps", 30, "timeout", 1800)));
        assertThat(created.status()).isEqualTo(201);
        return created.text("id");
    }

    private JsonNode awaitTask(String id, String status) {
        return await().atMost(CATCH_UP)
                .until(
                        () -> operator().get(TASKS + "/" + id).body(),
                        task -> task.path("status").asText().equals(status));
    }

    private static List<String> ids(Answer list) {
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().isArray()).isTrue();
        return StreamSupport.stream(list.body().spliterator(), false)
                .map(task -> task.path("id").asText())
                .toList();
    }

    private static List<String> messages(Answer logs) {
        assertThat(logs.status()).isEqualTo(200);
        return StreamSupport.stream(logs.body().spliterator(), false)
                .map(line -> line.path("message").asText())
                .toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false)
                .toList();
    }
}
