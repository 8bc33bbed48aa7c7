package io.taskforge.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import io.taskforge.handler.TaskLog;
import io.taskforge.task.TaskCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The poll loop on Pi4J's mock platform: mock inputs toggled, time moved by hand, presses as submissions. */
class PollLoopTest {

    private static final Duration POLL = Duration.ofMillis(10);
    private static final Duration DEBOUNCE = Duration.ofMillis(30);

    private final Context pi4j = Pi4J.newContextBuilder()
            .add(new MockPlatform())
            .add(MockDigitalInputProvider.newInstance())
            .build();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final RecordingSubmitter submitter = new RecordingSubmitter(Set.of("sleep"));
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final TaskLog taskLog = (level, message, context) -> log.add(level + " " + message);

    private final InputPin start = new InputPin(
            "start",
            17,
            InputPin.Pull.UP,
            true,
            new InputTrigger(
                    InputTrigger.Action.CREATE_TASK,
                    "sleep",
                    TaskCategory.ANIMATION,
                    "Rainbow",
                    "{\"millis\": 5000}",
                    null,
                    Duration.ofMinutes(2)));
    private final InputPin stop = new InputPin(
            "stop",
            27,
            InputPin.Pull.DOWN,
            false,
            new InputTrigger(
                    InputTrigger.Action.CANCEL_CREATED, null, null, null, null, "start", Duration.ofMinutes(30)));
    private final InputPin broken = new InputPin(
            "broken",
            22,
            InputPin.Pull.DOWN,
            false,
            new InputTrigger(
                    InputTrigger.Action.CREATE_TASK, "fireworks", null, null, null, null, Duration.ofMinutes(30)));

    private final PollLoop poll = new PollLoop(
            List.of(input(start, DigitalState.HIGH), input(stop, DigitalState.LOW), input(broken, DigitalState.LOW)),
            new PanelTriggers(submitter),
            new PollLoopProperties("panel", POLL, DEBOUNCE, List.of(start, stop, broken), null),
            clock);

    @AfterEach
    void shutDown() {
        pi4j.shutdown();
    }

    @Test
    void a_press_held_past_the_debounce_time_creates_the_configured_task_once() {
        pollFor(Duration.ofMillis(50));
        mock("start").mockState(DigitalState.LOW); // active low: pressed
        pollFor(Duration.ofMillis(100));
        mock("start").mockState(DigitalState.HIGH);
        pollFor(Duration.ofMillis(100));

        assertThat(submitter.created()).singleElement().satisfies(created -> {
            assertThat(created.definition().type()).isEqualTo("sleep");
            assertThat(created.definition().category()).isEqualTo(TaskCategory.ANIMATION);
            assertThat(created.definition().description()).isEqualTo("Rainbow");
            assertThat(created.definition().input()).isEqualTo(Map.of("millis", 5000));
            assertThat(created.definition().metadata()).isEqualTo(Map.of("input", "start", "pin", 17));
            assertThat(created.definition().createdBy()).isEqualTo("hardware:start");
            assertThat(created.definition().timeoutSeconds()).isEqualTo(120);
        });
        assertThat(log)
                .containsExactly("INFO start pressed: created sleep task "
                        + submitter.created().getFirst().taskId());
        assertThat(poll.progress()).isEqualTo("25 polls done, 1 presses");
    }

    @Test
    void a_bounce_shorter_than_the_debounce_time_creates_nothing() {
        mock("start").mockState(DigitalState.LOW);
        pollFor(Duration.ofMillis(20));
        mock("start").mockState(DigitalState.HIGH);
        pollFor(Duration.ofMillis(100));

        assertThat(submitter.created()).isEmpty();
    }

    @Test
    void the_cancel_button_cancels_every_task_the_start_button_created_and_forgets_them() {
        press("start");
        press("start");
        press("stop");
        press("stop");

        assertThat(submitter.cancelled())
                .extracting(RecordingSubmitter.Cancelled::taskId)
                .containsExactlyElementsOf(submitter.created().stream()
                        .map(RecordingSubmitter.Created::taskId)
                        .toList());
        assertThat(submitter.cancelled())
                .allSatisfy(cancelled -> assertThat(cancelled.requestedBy()).isEqualTo("hardware:stop"));
        assertThat(log)
                .contains("INFO stop pressed: cancelled 2 task(s) created by start")
                .contains("INFO stop pressed: cancelled 0 task(s) created by start");
    }

    @Test
    void a_trigger_the_engine_refuses_is_logged_and_the_loop_goes_on() {
        press("broken");
        press("start");

        assertThat(log.getFirst())
                .isEqualTo("ERROR broken pressed, but its trigger cannot create a task: unknown task type 'fireworks'");
        assertThat(submitter.created()).hasSize(1);
    }

    private void press(String name) {
        InputPin pin = name.equals("start") ? start : name.equals("stop") ? stop : broken;
        mock(name).mockState(pin.activeLow() ? DigitalState.LOW : DigitalState.HIGH);
        pollFor(Duration.ofMillis(60));
        mock(name).mockState(pin.activeLow() ? DigitalState.HIGH : DigitalState.LOW);
        pollFor(Duration.ofMillis(60));
    }

    private void pollFor(Duration duration) {
        Instant until = clock.instant().plus(duration);
        while (clock.instant().isBefore(until)) {
            poll.iterate(taskLog);
            clock.advance(POLL);
        }
    }

    private PanelInput input(InputPin config, DigitalState initial) {
        var pin = (MockDigitalInput) pi4j.create(
                DigitalInput.newConfigBuilder(pi4j).id(config.name()).address(config.pin()));
        pin.mockState(initial);
        return new PanelInput(config, pin);
    }

    private MockDigitalInput mock(String name) {
        return pi4j.io(name);
    }
}
