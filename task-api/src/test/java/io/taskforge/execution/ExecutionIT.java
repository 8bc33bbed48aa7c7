package io.taskforge.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.engine.execution.RunningAttempts;
import io.taskforge.support.ExecutionIntegrationTest;
import io.taskforge.support.StubProvider;
import io.taskforge.support.StubProvider.Reply;
import io.taskforge.task.CircuitState;
import io.taskforge.task.ErrorClassification;
import io.taskforge.task.TaskId;
import io.taskforge.task.event.AttemptFailedEvent;
import io.taskforge.task.event.AttemptSucceededEvent;
import io.taskforge.task.event.CircuitBreakerOpenedEvent;
import io.taskforge.task.event.MovedToDlqEvent;
import io.taskforge.task.event.TaskFailedEvent;
import io.taskforge.task.event.TaskProgressedEvent;
import io.taskforge.task.event.TaskRetryScheduledEvent;
import io.taskforge.task.event.TaskTimedOutEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ExecutionIT extends ExecutionIntegrationTest {

    private static final String TASKS = "/api/v1/tasks";

    @AutoClose
    private static final StubProvider PROVIDER = new StubProvider();

    @Autowired
    RunningAttempts runningAttempts;

    @Test
    void runs_a_task_of_every_built_in_type_to_completion() {
        PROVIDER.script("/ok", List.of(Reply.of(200, "{\"charged\": true}")));

        JsonNode noop = awaitFinished(submit(Map.of("type", "noop")));
        JsonNode sleep = awaitFinished(submit(Map.of("type", "sleep", "input", Map.of("millis", 100, "steps", 2))));
        JsonNode fail = awaitFinished(submit(Map.of("type", "fail", "input", Map.of("times", 1, "retryable", true))));
        JsonNode http = awaitFinished(
                submit(Map.of("type", "http", "input", Map.of("method", "GET", "url", PROVIDER.url("/ok")))));
        JsonNode command = awaitFinished(
                submit(Map.of("type", "command", "input", Map.of("argv", List.of("echo", "hello", "taskforge")))));

        for (JsonNode task : List.of(noop, sleep, fail, http, command)) {
            assertThat(task.path("status").asText()).as(task.toString()).isEqualTo("completed");
            assertThat(task.path("progress").asInt()).isEqualTo(100);
            assertThat(task.path("worker_id").asText()).startsWith("node-");
            assertThat(task.path("started_at").isNull()).isFalse();
            assertThat(task.path("completed_at").isNull()).isFalse();
        }
        assertThat(fail.path("attempts").asInt()).isEqualTo(2);
        assertThat(http.path("result").path("body").path("charged").asBoolean()).isTrue();
        assertThat(http.path("provider").asText()).isEqualTo(PROVIDER.hostAndPort());
        assertThat(command.path("result").path("output_tail").toString()).contains("hello taskforge");
    }

    @Test
    void a_flaky_provider_completes_on_the_third_attempt_with_backoff_between_attempts() {
        String path = "/flaky-" + UUID.randomUUID();
        PROVIDER.script(path, List.of(Reply.of(503, "busy"), Reply.of(503, "busy"), Reply.of(200, "{\"ok\": true}")));

        String id = submit(Map.of(
                "type",
                "http",
                "provider",
                "flaky-" + UUID.randomUUID(),
                "input",
                Map.of("method", "POST", "url", PROVIDER.url(path), "body", Map.of("order", 1234)),
                "retry",
                Map.of("max_attempts", 5, "base_delay_ms", 200, "max_delay_ms", 5_000, "jitter", 0.25)));
        JsonNode task = awaitFinished(id);

        assertThat(task.path("status").asText()).isEqualTo("completed");
        assertThat(task.path("attempts").asInt()).isEqualTo(3);
        assertThat(PROVIDER.calls(path)).isEqualTo(3);
        List<AttemptFailedEvent> failures = eventsOf(id, AttemptFailedEvent.class);
        assertThat(failures).hasSize(2).allSatisfy(failure -> {
            assertThat(failure.error().httpStatus()).isEqualTo(503);
            assertThat(failure.classification()).isEqualTo(ErrorClassification.RETRYABLE);
        });
        List<TaskRetryScheduledEvent> retries = eventsOf(id, TaskRetryScheduledEvent.class);
        assertThat(retries).hasSize(2);
        assertThat(retries.get(0).delayMillis()).isBetween(150L, 200L);
        assertThat(retries.get(1).delayMillis()).isBetween(300L, 400L);
        assertThat(retries.get(1).dueAt())
                .isEqualTo(retries.get(1).occurredAt().plusMillis(retries.get(1).delayMillis()));
        assertThat(eventsOf(id, AttemptSucceededEvent.class))
                .singleElement()
                .extracting(AttemptSucceededEvent::attempt)
                .isEqualTo(3);
    }

    @Test
    void waits_as_long_as_the_provider_asks_when_that_is_longer_than_the_backoff() {
        String path = "/throttled-" + UUID.randomUUID();
        PROVIDER.script(
                path,
                List.of(new Reply(429, "slow down", Map.of("Retry-After", "1")), Reply.of(200, "{\"ok\": true}")));

        String id = submit(Map.of(
                "type",
                "http",
                "provider",
                "throttled-" + UUID.randomUUID(),
                "input",
                Map.of("method", "GET", "url", PROVIDER.url(path)),
                "retry",
                Map.of("max_attempts", 3, "base_delay_ms", 100)));

        assertThat(awaitFinished(id).path("status").asText()).isEqualTo("completed");
        assertThat(eventsOf(id, TaskRetryScheduledEvent.class)).singleElement().satisfies(retry -> {
            assertThat(retry.delayMillis()).isEqualTo(1_000);
            assertThat(retry.reason()).isEqualTo("provider asked to retry after 1000 ms");
        });
    }

    @Test
    void a_rejected_request_fails_at_once_into_the_dead_letter_queue() {
        String path = "/reject-" + UUID.randomUUID();
        PROVIDER.script(path, List.of(Reply.of(400, "{\"error\": \"card number invalid\"}")));

        String id = submit(Map.of(
                "type", "http",
                "input", Map.of("method", "POST", "url", PROVIDER.url(path), "body", Map.of("card", "x")),
                "metadata", Map.of("amount", 250, "kind", "payment"),
                "retry", Map.of("max_attempts", 5)));
        JsonNode task = awaitFinished(id);

        assertThat(task.path("status").asText()).isEqualTo("failed");
        assertThat(task.path("in_dlq").asBoolean()).isTrue();
        assertThat(task.path("attempts").asInt()).isEqualTo(1);
        assertThat(task.path("error").path("type").asText()).isEqualTo("http_error");
        assertThat(PROVIDER.calls(path)).isEqualTo(1);
        assertThat(eventsOf(id, AttemptFailedEvent.class))
                .singleElement()
                .extracting(AttemptFailedEvent::classification)
                .isEqualTo(ErrorClassification.PERMANENT);
        assertThat(eventsOf(id, TaskFailedEvent.class))
                .singleElement()
                .extracting(TaskFailedEvent::reason)
                .isEqualTo("permanent error");
        assertThat(eventsOf(id, MovedToDlqEvent.class))
                .singleElement()
                .extracting(MovedToDlqEvent::alertSeverity)
                .hasToString("CRITICAL");
    }

    @Test
    void an_open_breaker_skips_retries_and_lands_on_the_timelines_of_later_tasks() {
        String path = "/down-" + UUID.randomUUID();
        String provider = "down-" + UUID.randomUUID();
        PROVIDER.script(path, List.of(Reply.of(500, "{\"error\": \"down\"}")));
        Map<String, Object> body = Map.of(
                "type",
                "http",
                "provider",
                provider,
                "input",
                Map.of("method", "GET", "url", PROVIDER.url(path)),
                "retry",
                Map.of("max_attempts", 10, "base_delay_ms", 50, "max_delay_ms", 100));

        String first = submit(body);
        JsonNode tripped = awaitFinished(first);

        assertThat(tripped.path("status").asText()).isEqualTo("failed");
        assertThat(tripped.path("in_dlq").asBoolean()).isTrue();
        assertThat(tripped.path("attempts").asInt()).isEqualTo(4);
        assertThat(eventsOf(first, AttemptFailedEvent.class).getLast().circuitState())
                .isEqualTo(CircuitState.OPEN);
        int callsWhenOpened = PROVIDER.calls(path);

        String later = submit(body);
        JsonNode skipped = awaitFinished(later);

        assertThat(skipped.path("status").asText()).isEqualTo("failed");
        assertThat(skipped.path("in_dlq").asBoolean()).isTrue();
        assertThat(skipped.path("attempts").asInt()).isEqualTo(1);
        assertThat(PROVIDER.calls(path)).isEqualTo(callsWhenOpened);
        assertThat(eventsOf(later, CircuitBreakerOpenedEvent.class))
                .singleElement()
                .extracting(CircuitBreakerOpenedEvent::provider)
                .isEqualTo(provider);
        assertThat(eventsOf(later, AttemptFailedEvent.class)).singleElement().satisfies(failure -> {
            assertThat(failure.error().type()).isEqualTo("circuit_open");
            assertThat(failure.circuitState()).isEqualTo(CircuitState.OPEN);
        });
        assertThat(eventsOf(later, TaskFailedEvent.class).getFirst().reason()).contains("circuit breaker open");
    }

    @Test
    void cancelling_a_running_sleep_stops_it_within_a_second() {
        String id = submit(Map.of("type", "sleep", "input", Map.of("millis", 60_000, "steps", 60)));
        awaitStatus(id, "running");
        await().until(() -> runningAttempts.isRunningHere(TaskId.parse(id)));

        long started = System.nanoTime();
        assertThat(operator().post(TASKS + "/" + id + "/cancel").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(1)).until(() -> !runningAttempts.isRunningHere(TaskId.parse(id)));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(awaitFinished(id).path("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void cancelling_a_running_command_kills_its_process_within_a_second() {
        String marker = String.valueOf(30 + Math.abs(UUID.randomUUID().hashCode() % 1000));
        String id = submit(Map.of("type", "command", "input", Map.of("argv", List.of("sleep", marker))));
        awaitStatus(id, "running");
        await().until(() -> sleepProcesses(marker) == 1);

        assertThat(operator().post(TASKS + "/" + id + "/cancel").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(1)).until(() -> sleepProcesses(marker) == 0);

        assertThat(awaitFinished(id).path("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void an_attempt_that_outlives_its_timeout_is_retried_then_ends_as_timeout() {
        String id = submit(Map.of(
                "type",
                "sleep",
                "input",
                Map.of("millis", 60_000, "steps", 10),
                "timeout_seconds",
                1,
                "retry",
                Map.of("max_attempts", 2, "base_delay_ms", 100)));

        JsonNode task = awaitFinished(id);

        assertThat(task.path("status").asText()).isEqualTo("timeout");
        assertThat(task.path("attempts").asInt()).isEqualTo(2);
        assertThat(eventsOf(id, AttemptFailedEvent.class))
                .hasSize(2)
                .allSatisfy(failure -> assertThat(failure.error().type()).isEqualTo("timeout"));
        assertThat(eventsOf(id, TaskRetryScheduledEvent.class)).hasSize(1);
        assertThat(eventsOf(id, TaskTimedOutEvent.class)).hasSize(1);
    }

    @Test
    void coalesces_progress_to_about_one_event_a_second_and_keeps_the_final_value() {
        String id = submit(Map.of("type", "sleep", "input", Map.of("millis", 2_500, "steps", 50)));

        awaitFinished(id);

        List<TaskProgressedEvent> progress = eventsOf(id, TaskProgressedEvent.class);
        assertThat(progress).hasSizeBetween(2, 5);
        assertThat(progress.getLast().percent()).isEqualTo(100);
    }

    @Test
    void refuses_a_program_that_is_not_on_the_allow_list_at_submission() {
        var refused = operator()
                .post(TASKS, Map.of("type", "command", "input", Map.of("argv", List.of("rm", "-rf", "/tmp/x"))));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("type")).isEqualTo("validation_error");
        assertThat(refused.text("detail")).contains("'rm'", "allow-list");
    }

    @Test
    void tells_a_frozen_runner_from_work_that_no_runner_takes() {
        String frozen = submit(Map.of("type", "sleep", "input", Map.of("millis", 20_000, "steps", 1)));
        String waiting = submit(Map.of("type", "parked"));

        JsonNode frozenTask = await().atMost(FINISH)
                .until(() -> operator().get(TASKS + "/" + frozen).body(), task -> task.path("stall")
                        .isObject());
        JsonNode waitingTask = await().atMost(FINISH)
                .until(() -> operator().get(TASKS + "/" + waiting).body(), task -> task.path("stall")
                        .isObject());
        JsonNode health = api(VIEWER_KEY).get("/actuator/health/execution").body();

        assertThat(frozenTask.path("stall").path("kind").asText()).isEqualTo("no_progress");
        assertThat(frozenTask.path("stall").path("reason").asText()).startsWith("runner alive but no progress");
        assertThat(waitingTask.path("status").asText()).isEqualTo("pending");
        assertThat(waitingTask.path("stall").path("kind").asText()).isEqualTo("no_runner");
        assertThat(waitingTask.path("stall").path("reason").asText()).startsWith("no runner available for type parked");
        assertThat(health.path("details").path("stalls").findValuesAsText("kind"))
                .contains("no_progress", "no_runner");
        assertThat(health.path("details").path("stall_count").asInt()).isGreaterThanOrEqualTo(2);
        operator().post(TASKS + "/" + frozen + "/cancel");
        operator().post(TASKS + "/" + waiting + "/cancel");
    }

    private void awaitStatus(String id, String status) {
        await().atMost(FINISH).until(() -> operator().get(TASKS + "/" + id).text("status"), status::equals);
    }

    private static long sleepProcesses(String seconds) {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info()
                        .arguments()
                        .map(args -> List.of(args).equals(List.of(seconds)))
                        .orElse(false))
                .count();
    }
}
