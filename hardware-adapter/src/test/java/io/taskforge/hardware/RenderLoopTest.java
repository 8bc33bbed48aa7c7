package io.taskforge.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RenderLoopTest {

    private final Context pi4j = Pi4J.newContextBuilder()
            .add(new MockPlatform())
            .add(MockDigitalOutputProvider.newInstance(), MockPwmProvider.newInstance())
            .build();

    @AfterEach
    void shutDown() {
        pi4j.shutdown();
    }

    @Test
    void each_frame_lights_the_next_led_and_sets_the_pwm_outputs_brightness() {
        List<DigitalOutput> leds = List.of(led(5), led(6), led(13));
        Pwm glow = pi4j.create(Pwm.newConfigBuilder(pi4j).id("glow").address(0).initial(0));
        var render = new RenderLoop(leds, List.of(new RenderLoop.PwmOutput(glow, 800)), 25);

        for (int frame = 0; frame < 5; frame++) {
            render.iterate((level, message, context) -> {});
            Frame expected = Frame.number(frame, leds.size());
            assertThat(leds).extracting(DigitalOutput::state).containsExactly(states(expected.lit(), leds.size()));
            if (expected.dutyCycle() == 0) {
                assertThat(glow.isOn()).isFalse();
            } else {
                assertThat(glow.isOn()).isTrue();
                assertThat(glow.dutyCycle()).isEqualTo(expected.dutyCycle());
                assertThat(glow.frequency()).isEqualTo(800);
            }
        }
        assertThat(render.progress()).isEqualTo("5 frames rendered");
        assertThat(render.period()).isEqualTo(Duration.ofMillis(40));
    }

    private DigitalOutput led(int pin) {
        return pi4j.create(DigitalOutput.newConfigBuilder(pi4j)
                .id("led-" + pin)
                .address(pin)
                .initial(DigitalState.LOW));
    }

    private static DigitalState[] states(int lit, int count) {
        DigitalState[] states = new DigitalState[count];
        for (int index = 0; index < count; index++) {
            states[index] = index == lit ? DigitalState.HIGH : DigitalState.LOW;
        }
        return states;
    }
}
