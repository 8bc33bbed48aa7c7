package io.taskforge.hardware;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmType;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configured pins, created on the Pi4J context: the render loop's outputs and the poll loop's inputs. */
final class Panel {

    private final Map<String, DigitalOutput> leds = new LinkedHashMap<>();
    private final Map<String, RenderLoop.PwmOutput> dimmers = new LinkedHashMap<>();
    private final Map<String, PanelInput> inputs = new LinkedHashMap<>();

    Panel(Context pi4j, HardwareProperties properties) {
        for (OutputPin output : properties.render().outputs()) {
            requireNew(output.name());
            switch (output.kind()) {
                case DIGITAL -> leds.put(output.name(), digitalOutput(pi4j, output));
                case PWM -> dimmers.put(output.name(), new RenderLoop.PwmOutput(pwm(pi4j, output), output.frequency()));
            }
        }
        for (InputPin input : properties.poll().inputs()) {
            requireNew(input.name());
            inputs.put(input.name(), new PanelInput(input, digitalInput(pi4j, input)));
        }
        for (InputPin input : properties.poll().inputs()) {
            InputTrigger trigger = input.trigger();
            if (trigger.action() == InputTrigger.Action.CANCEL_CREATED && !inputs.containsKey(trigger.cancels())) {
                throw new IllegalArgumentException("hardware input " + input.name() + " cancels the tasks of "
                        + trigger.cancels() + ", which is no input of the panel");
            }
        }
    }

    List<DigitalOutput> leds() {
        return List.copyOf(leds.values());
    }

    List<RenderLoop.PwmOutput> dimmers() {
        return List.copyOf(dimmers.values());
    }

    List<PanelInput> inputs() {
        return List.copyOf(inputs.values());
    }

    PanelInput input(String name) {
        return inputs.get(name);
    }

    /** Every output with what it shows now: {@code on}/{@code off}, or a PWM output's duty cycle. */
    List<OutputState> outputStates() {
        List<OutputState> states = new ArrayList<>();
        leds.forEach((name, led) -> states.add(new OutputState(
                name, led.address(), "digital", led.state() == DigitalState.HIGH ? "on" : "off", null)));
        dimmers.forEach((name, dimmer) -> states.add(new OutputState(
                name,
                dimmer.pwm().address(),
                "pwm",
                dimmer.pwm().isOn() ? "on" : "off",
                dimmer.pwm().dutyCycle())));
        return states;
    }

    private void requireNew(String name) {
        if (leds.containsKey(name) || dimmers.containsKey(name) || inputs.containsKey(name)) {
            throw new IllegalArgumentException("the hardware panel names two pins " + name);
        }
    }

    private static DigitalOutput digitalOutput(Context pi4j, OutputPin output) {
        return pi4j.create(DigitalOutput.newConfigBuilder(pi4j)
                .id(output.name())
                .name(output.name())
                .address(output.pin())
                .initial(DigitalState.LOW)
                .shutdown(DigitalState.LOW));
    }

    private static Pwm pwm(Context pi4j, OutputPin output) {
        return pi4j.create(Pwm.newConfigBuilder(pi4j)
                .id(output.name())
                .name(output.name())
                .address(output.pin())
                .pwmType(PwmType.HARDWARE)
                .frequency(output.frequency())
                .initial(0)
                .shutdown(0));
    }

    private static DigitalInput digitalInput(Context pi4j, InputPin input) {
        DigitalInput pin = pi4j.create(DigitalInput.newConfigBuilder(pi4j)
                .id(input.name())
                .name(input.name())
                .address(input.pin())
                .pull(
                        switch (input.pull()) {
                            case UP -> PullResistance.PULL_UP;
                            case DOWN -> PullResistance.PULL_DOWN;
                            case OFF -> PullResistance.OFF;
                        }));
        if (pin instanceof MockDigitalInput mock) {
            // a mock pin starts low; a mock button starts released, as a real one held by its pull resistor does
            mock.mockState(input.activeLow() ? DigitalState.HIGH : DigitalState.LOW);
        }
        return pin;
    }
}
