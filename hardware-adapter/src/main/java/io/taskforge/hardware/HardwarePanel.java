package io.taskforge.hardware;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.time.Duration;
import java.util.List;

/**
 * The panel as the API shows it: the platform, the loop tasks, what each output shows and each input
 * does, and, on the mock platform, a finger to press its buttons with.
 */
public class HardwarePanel {

    private final String platform;
    private final Panel panel;
    private final HardwareLoops loops;

    HardwarePanel(String platform, Panel panel, HardwareLoops loops) {
        this.platform = platform;
        this.panel = panel;
        this.loops = loops;
    }

    /** {@code mock} or {@code raspberrypi}. */
    public String platform() {
        return platform;
    }

    /** The loop tasks this run of the engine started. */
    public List<LoopTask> loops() {
        return loops.started();
    }

    public List<OutputState> outputs() {
        return panel.outputStates();
    }

    public List<InputState> inputs() {
        return panel.inputs().stream().map(HardwarePanel::stateOf).toList();
    }

    /**
     * Presses a button of the mock platform for {@code hold}, then releases it; the poll loop sees
     * the press as it would a real one (debounced) and fires its trigger.
     *
     * @throws PanelException for an unknown input, or one that is a real pin
     */
    public InputState press(String name, Duration hold) throws InterruptedException {
        PanelInput input = panel.input(name);
        if (input == null) {
            throw new PanelException(
                    PanelException.Reason.UNKNOWN_INPUT,
                    "the panel has no input " + name + "; its inputs: "
                            + panel.inputs().stream()
                                    .map(known -> known.config().name())
                                    .toList());
        }
        if (!(input.pin() instanceof MockDigitalInput mock)) {
            throw new PanelException(
                    PanelException.Reason.REAL_PIN,
                    "input " + name + " is GPIO " + input.config().pin() + " on the " + platform
                            + " platform: press the real button");
        }
        boolean activeLow = input.config().activeLow();
        mock.mockState(activeLow ? DigitalState.LOW : DigitalState.HIGH);
        try {
            Thread.sleep(hold);
        } finally {
            mock.mockState(activeLow ? DigitalState.HIGH : DigitalState.LOW);
        }
        return stateOf(input);
    }

    private static InputState stateOf(PanelInput input) {
        InputTrigger trigger = input.config().trigger();
        boolean creates = trigger.action() == InputTrigger.Action.CREATE_TASK;
        return new InputState(
                input.config().name(),
                input.config().pin(),
                input.pressedNow(),
                creates ? "create-task" : "cancel-created",
                creates ? trigger.type() : null);
    }
}
