package io.taskforge.hardware;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One output of the panel.
 *
 * @param name how the panel and its tasks name it
 * @param pin the BCM GPIO number (for {@code pwm}, the PWM channel of the configured chip)
 * @param kind {@code digital} (on or off each frame) or {@code pwm} (a brightness each frame)
 * @param frequency the PWM frequency in Hz
 */
record OutputPin(
        String name,
        int pin,
        @DefaultValue("digital") Kind kind,
        @DefaultValue("1000") int frequency) {

    /** What an output carries. */
    enum Kind {
        DIGITAL,
        PWM
    }

    OutputPin {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("every hardware output needs a name");
        }
    }
}
