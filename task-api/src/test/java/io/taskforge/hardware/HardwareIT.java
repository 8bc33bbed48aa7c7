package io.taskforge.hardware;

import static io.taskforge.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import io.taskforge.support.ExecutionIntegrationTest;
import io.taskforge.support.TaskJson;
import io.taskforge.task.event.AttemptStartedEvent;
import io.taskforge.task.event.TaskProgressedEvent;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The hardware adapter on Pi4J's mock platform, in a whole engine on PostgreSQL: the render and poll
 * loops run as supervised tasks, presses on mock buttons become tasks and cancels, a loop that
 * throws is restarted with backoff and finally dead-lettered, and a loop blocked on a read is
 * flagged stalled and restarted. The loops live as long as the engine, so the tests run in order.
 */
@Import(TestPanelPins.class)
@TestPropertySource(
        properties = {
            "taskforge.hardware.enabled=true",
            "taskforge.hardware.platform=mock",
            "taskforge.hardware.render.frame-rate=20",
            "taskforge.hardware.render.outputs[0].name=led-1",
            "taskforge.hardware.render.outputs[0].pin=5",
            "taskforge.hardware.render.outputs[1].name=led-2",
            "taskforge.hardware.render.outputs[1].pin=6",
            "taskforge.hardware.render.outputs[2].name=" + TestPanelPins.FAULTY_OUTPUT,
            "taskforge.hardware.render.outputs[2].pin=26",
            "taskforge.hardware.render.outputs[3].name=glow",
            "taskforge.hardware.render.outputs[3].pin=0",
            "taskforge.hardware.render.outputs[3].kind=pwm",
            "taskforge.hardware.render.supervision.failures-before-restart=2",
            "taskforge.hardware.render.supervision.max-attempts=3",
            "taskforge.hardware.render.supervision.base-delay=300ms",
            "taskforge.hardware.render.supervision.max-delay=2s",
            "taskforge.hardware.poll.inputs[0].name=start",
            "taskforge.hardware.poll.inputs[0].pin=17",
            "taskforge.hardware.poll.inputs[0].pull=up",
            "taskforge.hardware.poll.inputs[0].active-low=true",
            "taskforge.hardware.poll.inputs[0].trigger.type=sleep",
            "taskforge.hardware.poll.inputs[0].trigger.category=animation",
            "taskforge.hardware.poll.inputs[0].trigger.description=Rainbow animation",
            "taskforge.hardware.poll.inputs[0].trigger.input={\"millis\": 60000, \"steps\": 60}",
            "taskforge.hardware.poll.inputs[1].name=stop",
            "taskforge.hardware.poll.inputs[1].pin=27",
            "taskforge.hardware.poll.inputs[1].trigger.action=cancel-created",
            "taskforge.hardware.poll.inputs[1].trigger.cancels=start",
            "taskforge.hardware.poll.inputs[2].name=" + TestPanelPins.JAMMED_INPUT,
            "taskforge.hardware.poll.inputs[2].pin=22",
            "taskforge.hardware.poll.inputs[2].trigger.type=noop",
            "taskforge.hardware.poll.supervision.stall-after=1s",
            "taskforge.hardware.poll.supervision.restart-after=2s",
            "taskforge.hardware.poll.supervision.base-delay=200ms"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// closed after the class, so that its loops stop rather than run on beside the rest of the suite
@DirtiesContext
class HardwareIT extends ExecutionIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String ACTIVE = "/api/v1/system/tasks/active";

    @Autowired
    private Context pi4j;

    @AfterEach
    void healPins() {
        TestPanelPins.failWrites.set(false);
        TestPanelPins.unjam();
    }

    @Test
    @Order(1)
    void each_loop_runs_as_a_task_in_the_active_list_reporting_liveness_without_an_event_per_iteration() {
        JsonNode render = awaitActive(
                "RENDER", loop -> loop.path("liveness").path("status").asText().matches("\\d{2,} frames rendered"));
        JsonNode poll = awaitActive(
                "HARDWARE",
                loop -> loop.path("liveness").path("status").asText().matches("\\d{2,} polls done, \\d+ presses"));

        assertThat(render.path("description").asText()).isEqualTo("LED panel render loop");
        assertThat(poll.path("description").asText()).isEqualTo("Control panel polling loop");
        for (JsonNode loop : List.of(render, poll)) {
            assertThat(loop.path("running_for_seconds").asDouble()).isGreaterThanOrEqualTo(0);
            assertThat(loop.path("stall").isNull()).isTrue();
            TaskJson.assertIsoUtc(loop.path("liveness").path("reported_at").asText());
            // dozens of iterations, and still only creation, start and first attempt in the store
            assertThat(eventsOf(loop.path("task_id").asText()))
                    .hasSizeLessThanOrEqualTo(3)
                    .noneMatch(TaskProgressedEvent.class::isInstance);
        }
        JsonNode panel = operator().get("/api/v1/hardware").body();
        assertThat(panel.path("enabled").asBoolean()).isTrue();
        assertThat(panel.path("platform").asText()).isEqualTo("mock");
        assertThat(TaskJson.list(panel.path("loops")))
                .extracting(loop ->
                        loop.path("type").asText() + " " + loop.path("task_id").asText())
                .containsExactlyInAnyOrder(
                        "render-loop " + render.path("task_id").asText(),
                        "poll-loop " + poll.path("task_id").asText());
    }

    @Test
    @Order(2)
    void the_render_loop_draws_frames_on_the_mock_outputs() {
        DigitalOutput led1 = pi4j.io("led-1");
        DigitalOutput led2 = pi4j.io("led-2");
        Pwm glow = pi4j.io("glow");
        Set<String> seen = new HashSet<>();
        Set<Integer> dutyCycles = new HashSet<>();

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(7)).until(() -> {
            seen.add(led1.state() + "/" + led2.state());
            dutyCycles.add(glow.dutyCycle());
            return seen.size() >= 2 && dutyCycles.size() >= 3;
        });

        // a light chases along the digital outputs, one lit at a time, while the PWM output breathes
        assertThat(seen)
                .contains(DigitalState.HIGH + "/" + DigitalState.LOW, DigitalState.LOW + "/" + DigitalState.HIGH);
        assertThat(seen).doesNotContain(DigitalState.HIGH + "/" + DigitalState.HIGH);
        assertThat(dutyCycles).anyMatch(duty -> duty > 0);
    }

    @Test
    @Order(3)
    void pressing_a_mock_button_creates_a_task_and_the_stop_button_cancels_it() throws InterruptedException {
        MockDigitalInput start = pi4j.io("start");
        start.mockState(DigitalState.LOW); // active low: pressed
        Thread.sleep(150);
        start.mockState(DigitalState.HIGH);

        JsonNode animation = await().atMost(PATIENCE)
                .until(() -> animations("running"), tasks -> tasks.size() == 1)
                .getFirst();
        String animationId = animation.path("id").asText();
        assertThat(animation.path("description").asText()).isEqualTo("Rainbow animation");
        JsonNode created = timeline(animationId).getFirst();
        assertThat(created.path("type").asText()).isEqualTo("task_created");
        assertThat(created.path("data").path("definition").path("created_by").asText())
                .isEqualTo("hardware:start");
        assertThat(created.path("data")
                        .path("definition")
                        .path("metadata")
                        .path("input")
                        .asText())
                .isEqualTo("start");

        var pressed = operator().post("/api/v1/hardware/inputs/stop/press?hold_ms=150");
        assertThat(pressed.status()).as(pressed.body().toString()).isEqualTo(200);
        assertThat(pressed.body().path("held_ms").asLong()).isEqualTo(150);
        assertThat(pressed.body().path("input").path("name").asText()).isEqualTo("stop");
        assertThat(pressed.body().path("input").path("pressed").asBoolean()).isFalse();

        JsonNode cancelled = await().atMost(PATIENCE)
                .until(
                        () -> operator().get("/api/v1/tasks/" + animationId).body(),
                        task -> task.path("status").asText().equals("cancelled"));
        assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
        assertThat(timeline(animationId))
                .filteredOn(event -> event.path("type").asText().equals("task_cancelled"))
                .singleElement()
                .satisfies(event -> assertThat(
                                event.path("data").path("cancelled_by").asText())
                        .isEqualTo("hardware:stop"));
        String pollLoop = awaitActive("HARDWARE", loop -> true).path("task_id").asText();
        assertThat(operator().get("/api/v1/tasks/" + pollLoop + "/logs").body().toString())
                .contains("start pressed: created sleep task " + animationId)
                .contains("stop pressed: cancelled 1 task(s) created by start");
    }

    @Test
    @Order(4)
    void a_poll_loop_blocked_on_a_read_is_flagged_stalled_in_the_active_list_and_the_health_then_restarted() {
        String pollLoop = awaitActive("HARDWARE", loop -> loop.path("stall").isNull())
                .path("task_id")
                .asText();
        int attemptsBefore = eventsOf(pollLoop, AttemptStartedEvent.class).size();

        TestPanelPins.jamInput();

        JsonNode stalled = awaitActive("HARDWARE", loop -> !loop.path("stall").isNull());
        assertThat(stalled.path("task_id").asText()).isEqualTo(pollLoop);
        assertThat(stalled.path("stall").path("kind").asText()).isEqualTo("no_progress");
        assertThat(stalled.path("stall").path("reason").asText())
                .contains("has reported no liveness for")
                .containsPattern("last: \\d+ polls done");
        var health = api(null).get("/api/v1/system/health");
        assertThat(health.status()).isEqualTo(500);
        assertThat(health.body().path("status").asText()).isEqualTo("degraded");
        assertThat(health.body().path("reason").asText()).contains("no_progress (task " + pollLoop + ")");

        JsonNode restarted = await().atMost(PATIENCE)
                .until(() -> attempts(pollLoop), attempts -> attempts.size() > attemptsBefore)
                .get(attemptsBefore - 1);
        assertThat(restarted.path("outcome").asText()).isEqualTo("failed");
        assertThat(restarted.path("error_type").asText()).isEqualTo("stalled");
        assertThat(restarted.path("error_message").asText()).contains("no liveness report for");
        TestPanelPins.unjam();

        await().atMost(PATIENCE)
                .until(() -> eventsOf(pollLoop, AttemptStartedEvent.class).size() > attemptsBefore);
        JsonNode running = awaitActive(
                "HARDWARE",
                loop -> loop.path("stall").isNull() && !loop.path("liveness").isNull());
        assertThat(running.path("task_id").asText()).isEqualTo(pollLoop);
    }

    @Test
    @Order(5)
    void a_render_loop_that_keeps_throwing_is_restarted_with_backoff_and_finally_dead_lettered_with_an_alert() {
        String renderLoop = awaitActive("RENDER", loop -> true).path("task_id").asText();

        TestPanelPins.failWrites.set(true);

        JsonNode failed = await().atMost(PATIENCE)
                .until(
                        () -> operator().get("/api/v1/tasks/" + renderLoop).body(),
                        task -> task.path("status").asText().equals("failed"));
        assertThat(failed.path("in_dlq").asBoolean()).isTrue();
        List<JsonNode> timeline = timeline(renderLoop);
        List<JsonNode> failures = timeline.stream()
                .filter(event -> event.path("type").asText().equals("attempt_failed"))
                .toList();
        assertThat(failures).hasSize(3).allSatisfy(failure -> {
            assertThat(failure.path("data").path("error").path("type").asText()).isEqualTo("IOException");
            assertThat(failure.path("data").path("error").path("message").asText())
                    .contains("write to GPIO 26 failed");
        });
        List<Long> delays = timeline.stream()
                .filter(event -> event.path("type").asText().equals("task_retried"))
                .map(event -> event.path("data").path("delay_millis").asLong())
                .toList();
        assertThat(delays).hasSize(2);
        assertThat(delays.get(0)).isBetween(225L, 300L); // 300 ms, less up to 25 % jitter
        assertThat(delays.get(1)).isBetween(450L, 600L); // doubled
        assertThat(timeline.stream().map(event -> event.path("type").asText()).toList())
                .containsSubsequence("task_failed", "moved_to_dlq", "alert_raised");
        JsonNode alert = await().atMost(PATIENCE)
                .until(
                        () -> TaskJson.list(
                                        operator().get("/api/v1/alerts").body().path("alerts"))
                                .stream()
                                .filter(raised ->
                                        raised.path("task_id").asText().equals(renderLoop))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(alert.path("type").asText()).isEqualTo("render-loop");
        assertThat(alert.path("severity").asText()).isEqualTo("medium");
        assertThat(alert.path("error_type").asText()).isEqualTo("IOException");
        assertThat(TaskJson.list(operator().get("/api/v1/failed-tasks").body().path("tasks")))
                .filteredOn(entry -> entry.path("task_id").asText().equals(renderLoop))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.path("type").asText()).isEqualTo("render-loop");
                    assertThat(entry.path("alert_severity").asText()).isEqualTo("medium");
                    assertThat(entry.path("reason").asText()).isEqualTo("retries exhausted after 3 attempts");
                });
        assertThat(api(null).get("/api/v1/system/health").body().path("reason").asText())
                .contains("task(s) failed and wait in the dead letter queue");

        TestPanelPins.failWrites.set(false);
        assertThat(operator()
                        .post("/api/v1/failed-tasks/" + renderLoop + "/retry")
                        .status())
                .isEqualTo(200);

        awaitActive(
                "RENDER",
                loop -> loop.path("task_id").asText().equals(renderLoop)
                        && !loop.path("liveness").isNull());
    }

    @Test
    @Order(6)
    void the_press_endpoint_refuses_unknown_inputs_real_pins_bad_holds_and_callers_without_the_operator_role() {
        assertError(operator().post("/api/v1/hardware/inputs/doorbell/press"), 404, "not_found");
        assertError(
                operator().post("/api/v1/hardware/inputs/" + TestPanelPins.JAMMED_INPUT + "/press"), 409, "conflict");
        assertError(operator().post("/api/v1/hardware/inputs/start/press?hold_ms=0"), 400, "bad_request");
        assertError(operator().post("/api/v1/hardware/inputs/start/press?hold_ms=soon"), 400, "bad_request");
        assertError(api(VIEWER_KEY).post("/api/v1/hardware/inputs/start/press"), 403, "forbidden");
        assertError(api(null).post("/api/v1/hardware/inputs/start/press"), 401, "unauthorized");
        assertThat(animations("running")).isEmpty();
    }

    /** The running task of the category once it satisfies the condition, as the active list shows it. */
    private JsonNode awaitActive(String category, Predicate<JsonNode> condition) {
        return await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> TaskJson.list(operator().get(ACTIVE).body().path("tasks")).stream()
                                .filter(task -> task.path("category").asText().equals(category))
                                .filter(condition)
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private List<JsonNode> animations(String status) {
        return TaskJson.list(operator()
                        .get("/api/v1/tasks?status=" + status + "&limit=100")
                        .body())
                .stream()
                .filter(task -> task.path("type").asText().equals("sleep"))
                .toList();
    }

    private List<JsonNode> timeline(String taskId) {
        return TaskJson.list(
                operator().get("/api/v1/tasks/" + taskId + "/timeline").body().path("events"));
    }

    private List<JsonNode> attempts(String taskId) {
        return TaskJson.list(
                operator().get("/api/v1/tasks/" + taskId + "/attempts").body().path("attempts"));
    }
}
