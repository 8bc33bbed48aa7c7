package io.taskforge.hardware;

import io.taskforge.handler.TaskLog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Reads every input of the control panel once per iteration, debounced, and fires the trigger of each press. */
final class PollLoop implements LoopBody {

    private final List<PanelInput> inputs;
    private final List<Debouncer> debouncers;
    private final PanelTriggers triggers;
    private final Duration interval;
    private final Clock clock;
    private long polls;
    private long presses;

    PollLoop(List<PanelInput> inputs, PanelTriggers triggers, PollLoopProperties properties, Clock clock) {
        this.inputs = List.copyOf(inputs);
        this.triggers = triggers;
        this.interval = properties.interval();
        this.clock = clock;
        this.debouncers = inputs.stream()
                .map(input -> new Debouncer(properties.debounce(), input.pressedNow()))
                .toList();
    }

    @Override
    public void iterate(TaskLog log) {
        for (int index = 0; index < inputs.size(); index++) {
            PanelInput input = inputs.get(index);
            boolean pressed = input.pressedNow();
            if (debouncers.get(index).read(pressed, clock.instant()).orElse(false)) {
                presses++;
                triggers.pressed(input.config(), log);
            }
        }
        polls++;
    }

    @Override
    public Duration period() {
        return interval;
    }

    @Override
    public String progress() {
        return polls + " polls done, " + presses + " presses";
    }
}
