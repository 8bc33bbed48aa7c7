package io.taskforge.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.support.ExecutionIntegrationTest;
import io.taskforge.support.StubProvider;
import io.taskforge.support.StubProvider.Reply;
import io.taskforge.task.event.AttemptFailedEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * What handlers report is cleaned and bounded before it becomes an event, so that every read model can
 * store it: a NUL in a provider's answer, an overlong error type, NUL bytes in a command's output and a
 * result larger than its limit all reach the task's views instead of stalling them.
 */
class HandlerOutputIT extends ExecutionIntegrationTest {

    private static final String TASKS = "/api/v1/tasks";

    @AutoClose
    private static final StubProvider PROVIDER = new StubProvider();

    @Test
    void cleans_a_nul_out_of_a_failure_message_before_it_is_recorded() {
        String path = "/nul-" + UUID.randomUUID();
        PROVIDER.script(path, List.of(Reply.of(400, "{\"error\": \"bad\u0000byte\"}")));

        String id = submit(Map.of("type", "http", "input", Map.of("url", PROVIDER.url(path))));
        JsonNode task = awaitFinished(id);

        assertThat(task.path("status").asText()).isEqualTo("failed");
        assertThat(task.path("error_message").asText())
                .contains("bad\uFFFDbyte")
                .doesNotContain("\u0000");
        assertThat(eventsOf(id, AttemptFailedEvent.class))
                .singleElement()
                .satisfies(failed -> assertThat(failed.error().message()).doesNotContain("\u0000"));
        JsonNode deadLetter = operator().get("/api/v1/failed-tasks").body().path("tasks");
        assertThat(deadLetter.toString()).contains(id).contains("bad\uFFFDbyte");
        assertThat(operator()
                        .get(TASKS + "/" + id + "/attempts")
                        .body()
                        .path("attempts")
                        .get(0)
                        .path("error_message")
                        .asText())
                .contains("bad\uFFFDbyte");
    }

    @Test
    void cuts_an_overlong_error_type_to_its_limit() {
        String id = submit(Map.of("type", "fail", "input", Map.of("error_type", "e".repeat(300), "retryable", false)));
        JsonNode task = awaitFinished(id);

        assertThat(task.path("error").path("type").asText()).hasSize(200).endsWith("…");
        assertThat(operator().get("/api/v1/failed-tasks").body().toString()).contains(id);
    }

    @Test
    void cleans_nul_bytes_out_of_a_commands_output_lines() {
        String id =
                submit(Map.of("type", "command", "input", Map.of("argv", List.of("echo", "-e", "before\\x00after"))));
        awaitFinished(id);

        JsonNode logs = await().atMost(FINISH)
                .until(() -> operator().get(TASKS + "/" + id + "/logs").body(), lines -> lines.toString()
                        .contains("before"));
        assertThat(logs.toString()).contains("before\uFFFDafter");
    }

    @Test
    void stores_a_result_over_the_limit_truncated_with_a_note() {
        String path = "/large-" + UUID.randomUUID();
        PROVIDER.script(path, List.of(Reply.of(200, "{\"data\": \"" + "x".repeat(400_000) + "\"}")));

        JsonNode task = awaitFinished(submit(Map.of("type", "http", "input", Map.of("url", PROVIDER.url(path)))));

        assertThat(task.path("status").asText()).isEqualTo("completed");
        assertThat(task.path("result").path("status").asInt()).isEqualTo(200);
        assertThat(task.path("result").path("result_truncated").asBoolean()).isTrue();
        assertThat(task.path("result").path("result_note").asText()).contains("over the limit of 262144 bytes");
        assertThat(task.path("result").path("body").asText()).hasSizeLessThanOrEqualTo(4096);
    }
}
