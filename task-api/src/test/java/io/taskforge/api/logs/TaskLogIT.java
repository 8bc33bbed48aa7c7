package io.taskforge.api.logs;

import static io.taskforge.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.engine.logs.TaskLogStore;
import io.taskforge.handler.TaskLog;
import io.taskforge.handler.TaskLog.Level;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ApiIntegrationTest;
import io.taskforge.task.TaskId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TaskLogIT extends ApiIntegrationTest {

    private static final String TASKS = "/api/v1/tasks/";

    @Autowired
    TaskLogStore store;

    @Test
    void serves_every_line_oldest_first_with_its_fields() {
        String id = createTask();
        TaskLog first = store.forAttempt(TaskId.parse(id), 1);
        first.write(Level.INFO, "Task execution started", Map.of("step", 1, "action", "initialize"));
        first.warning("provider slow");
        store.forAttempt(TaskId.parse(id), 2).write(Level.DEBUG, "retrying", Map.of());

        Answer logs = operator().get(TASKS + id + "/logs");

        assertThat(logs.status()).isEqualTo(200);
        assertThat(messages(logs)).containsExactly("Task execution started", "provider slow", "retrying");
        JsonNode line = logs.body().get(0);
        assertThat(line.path("level").asText()).isEqualTo("info");
        assertThat(line.path("context").path("step").asInt()).isEqualTo(1);
        assertThat(line.path("context").path("action").asText()).isEqualTo("initialize");
        assertThat(line.path("attempt").asInt()).isEqualTo(1);
        assertThat(line.path("timestamp").asText()).endsWith("Z");
        assertThat(Instant.parse(line.path("timestamp").asText()))
                .isBefore(Instant.now().plusSeconds(1));
        assertThat(logs.body().get(1).path("context").isObject()).isTrue();
        assertThat(logs.body().get(1).path("context")).isEmpty();
        assertThat(logs.body().get(2).path("attempt").asInt()).isEqualTo(2);
    }

    @Test
    void filters_by_minimum_severity() {
        String id = createTask();
        TaskLog log = store.forAttempt(TaskId.parse(id), 1);
        for (Level level : Level.values()) {
            log.write(level, level.name().toLowerCase(java.util.Locale.ROOT) + " line", Map.of());
        }

        assertThat(messages(operator().get(TASKS + id + "/logs?level=warning")))
                .containsExactly("warning line", "error line", "critical line");
        assertThat(messages(operator().get(TASKS + id + "/logs?level=ERROR")))
                .containsExactly("error line", "critical line");
        assertThat(messages(operator().get(TASKS + id + "/logs?level=critical")))
                .containsExactly("critical line");
        assertThat(messages(operator().get(TASKS + id + "/logs?level=debug"))).hasSize(5);
    }

    @Test
    void returns_at_most_limit_lines_and_one_hundred_by_default() {
        String id = createTask();
        TaskLog log = store.forAttempt(TaskId.parse(id), 1);
        for (int i = 0; i < 120; i++) {
            log.info("line " + i);
        }

        assertThat(messages(operator().get(TASKS + id + "/logs?limit=2"))).containsExactly("line 0", "line 1");
        assertThat(messages(operator().get(TASKS + id + "/logs"))).hasSize(100);
        assertThat(messages(operator().get(TASKS + id + "/logs?limit=1000"))).hasSize(120);
    }

    @Test
    void answers_an_empty_list_for_a_task_without_lines() {
        Answer logs = operator().get(TASKS + createTask() + "/logs");

        assertThat(logs.status()).isEqualTo(200);
        assertThat(logs.body().isArray()).isTrue();
        assertThat(logs.body()).isEmpty();
    }

    @Test
    void refuses_bad_parameters() {
        String id = createTask();

        assertError(operator().get(TASKS + id + "/logs?limit=0"), 400, "bad_request");
        assertError(operator().get(TASKS + id + "/logs?limit=1001"), 400, "bad_request");
        assertError(operator().get(TASKS + id + "/logs?limit=many"), 400, "bad_request");
        assertError(operator().get(TASKS + id + "/logs?level=verbose"), 400, "bad_request");
    }

    @Test
    void answers_404_for_unknown_and_malformed_ids() {
        assertError(operator().get(TASKS + UUID.randomUUID() + "/logs"), 404, "not_found");
        assertError(operator().get(TASKS + "not-a-task/logs"), 404, "not_found");
    }

    @Test
    void needs_a_key() {
        assertError(api(null).get(TASKS + createTask() + "/logs"), 401, "unauthorized");
        assertThat(api(VIEWER_KEY).get(TASKS + createTask() + "/logs").status()).isEqualTo(200);
    }

    private String createTask() {
        Answer created = operator().post("/api/v1/tasks", Map.of("type", "noop"));
        assertThat(created.status()).isEqualTo(201);
        return created.text("id");
    }

    private static List<String> messages(Answer logs) {
        assertThat(logs.status()).as("status of %s", logs.body()).isEqualTo(200);
        return StreamSupport.stream(logs.body().spliterator(), false)
                .map(line -> line.path("message").asText())
                .toList();
    }
}
