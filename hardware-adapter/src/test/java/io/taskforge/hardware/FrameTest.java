package io.taskforge.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameTest {

    @ParameterizedTest(name = "frame {0} of {1} LEDs: LED {2} lit, duty {3}")
    @CsvSource({
        "0, 3, 0, 0",
        "1, 3, 1, 3",
        "2, 3, 2, 6",
        "3, 3, 0, 10",
        "15, 3, 0, 50",
        "30, 3, 0, 100", // half a breath: full brightness
        "45, 3, 0, 50",
        "59, 3, 2, 3",
        "60, 3, 0, 0", // a new breath
        "7, 0, -1, 23" // no digital outputs: nothing to light
    })
    void a_light_chases_along_the_leds_while_the_pwm_outputs_breathe(long frame, int leds, int lit, int duty) {
        assertThat(Frame.number(frame, leds)).isEqualTo(new Frame(lit, duty));
    }
}
