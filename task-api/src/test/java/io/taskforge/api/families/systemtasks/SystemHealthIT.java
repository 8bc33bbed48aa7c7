package io.taskforge.api.families.systemtasks;

import static io.taskforge.support.TaskJson.byId;
import static io.taskforge.support.TaskJson.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.engine.numbering.TaskNumbers;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ApiIntegrationTest;
import io.taskforge.support.TestTask;
import io.taskforge.task.TaskCategory;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.task.command.CreateTaskCommand;
import io.taskforge.task.command.FailAttemptCommand;
import io.taskforge.task.command.StartAttemptCommand;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Seed 000's health check from a clean start, on an engine configured to answer degraded with 503
 * instead of its default 500 and to call a running task stalled after two seconds without progress.
 */
@TestPropertySource(
        properties = {"taskforge.health.degraded-status=503", "taskforge.execution.no-progress-stall-after=2s"})
class SystemHealthIT extends ApiIntegrationTest {

    private static final String HEALTH = "/api/v1/system/health";
    private static final Duration CATCH_UP = Duration.ofSeconds(20);

    @Autowired
    CommandGateway commands;

    @Autowired
    TaskNumbers numbers;

    @Test
    void is_healthy_until_work_stalls_or_fails_and_then_degraded_with_the_configured_status() {
        Answer healthy = api(null).get(HEALTH);

        assertThat(healthy.status()).isEqualTo(200);
        assertThat(healthy.text("status")).isEqualTo("healthy");
        assertThat(healthy.body().path("reason").isNull()).isTrue();
        assertThat(healthy.body().path("tasks").path("total").asLong()).isZero();
        assertThat(healthy.body().path("tasks").path("active").asLong()).isZero();
        assertThat(healthy.body().path("tasks").path("failed").asLong()).isZero();
        assertThat(healthy.body().path("tasks").path("cancelled").asLong()).isZero();
        assertThat(Instant.parse(healthy.text("timestamp")))
                .isBefore(Instant.now().plusSeconds(1));

        TaskId frozen = create("ControlPanel Polling Loop");
        commands.sendAndWait(new StartAttemptCommand(frozen, 1, "worker-health"));

        Answer stalled = await().atMost(CATCH_UP).until(() -> api(null).get(HEALTH), answer -> answer.status() != 200);
        assertThat(stalled.status()).isEqualTo(503);
        assertThat(stalled.text("status")).isEqualTo("degraded");
        assertThat(stalled.text("reason")).isEqualTo("1 stall(s): no_progress (task " + frozen + ")");
        JsonNode active = byId(
                list(api(VIEWER_KEY).get("/api/v1/system/tasks/active").body().path("tasks")), frozen);
        assertThat(active.path("stall").path("kind").asText()).isEqualTo("no_progress");
        assertThat(active.path("stall").path("reason").asText()).contains("no progress");
        assertThat(Instant.parse(active.path("stall").path("since").asText())).isBefore(Instant.now());

        TaskId broken = create("AnimationEngine main loop");
        commands.sendAndWait(new StartAttemptCommand(broken, 1, "worker-health"));
        commands.sendAndWait(FailAttemptCommand.of(broken, 1, new TaskError("http_error", "bad request", 400)));

        Answer failed = await().atMost(CATCH_UP).until(() -> api(null).get(HEALTH), answer -> answer.text("reason")
                .contains("dead letter"));
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.text("status")).isEqualTo("degraded");
        assertThat(failed.text("reason"))
                .startsWith("1 task(s) failed and wait in the dead letter queue; ")
                .contains("no_progress (task " + frozen + ")");
        assertThat(failed.body().path("tasks").path("total").asLong()).isEqualTo(2);
        assertThat(failed.body().path("tasks").path("failed").asLong()).isEqualTo(1);
    }

    private TaskId create(String description) {
        TaskId taskId = TaskId.random();
        var definition = TestTask.noop()
                .category(TaskCategory.HARDWARE)
                .description(description)
                .definition();
        commands.sendAndWait(new CreateTaskCommand(taskId, numbers.next(), definition));
        return taskId;
    }
}
