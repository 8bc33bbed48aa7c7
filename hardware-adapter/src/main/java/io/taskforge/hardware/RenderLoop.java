package io.taskforge.hardware;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import io.taskforge.handler.TaskLog;
import java.time.Duration;
import java.util.List;

/** Renders frames to the panel's outputs at the configured frame rate. */
final class RenderLoop implements LoopBody {

    private final List<DigitalOutput> leds;
    private final List<PwmOutput> dimmers;
    private final Duration period;
    private long frames;

    /** A PWM output and the frequency it runs at. */
    record PwmOutput(Pwm pwm, int frequency) {}

    RenderLoop(List<DigitalOutput> leds, List<PwmOutput> dimmers, int frameRate) {
        this.leds = List.copyOf(leds);
        this.dimmers = List.copyOf(dimmers);
        this.period = Duration.ofNanos(1_000_000_000L / frameRate);
    }

    @Override
    public void iterate(TaskLog log) {
        Frame frame = Frame.number(frames, leds.size());
        for (int index = 0; index < leds.size(); index++) {
            leds.get(index).state(index == frame.lit() ? DigitalState.HIGH : DigitalState.LOW);
        }
        for (PwmOutput dimmer : dimmers) {
            if (frame.dutyCycle() == 0) {
                // Pi4J turns a PWM output on at a duty cycle of 0 with its default duty cycle instead
                dimmer.pwm().off();
            } else {
                dimmer.pwm().on(frame.dutyCycle(), dimmer.frequency());
            }
        }
        frames++;
    }

    @Override
    public Duration period() {
        return period;
    }

    @Override
    public String progress() {
        return frames + " frames rendered";
    }
}
