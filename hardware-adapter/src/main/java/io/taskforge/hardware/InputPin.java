package io.taskforge.hardware;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One input of the panel.
 *
 * @param name how the panel, the press endpoint and the tasks it creates name it
 * @param pin the BCM GPIO number
 * @param pull the pin's pull resistor: {@code up}, {@code down} or {@code off}
 * @param activeLow whether a press pulls the pin low (a button to ground with a pull-up)
 * @param trigger what a press does
 */
record InputPin(
        String name,
        int pin,
        @DefaultValue("down") Pull pull,
        @DefaultValue("false") boolean activeLow,
        InputTrigger trigger) {

    /** A pin's pull resistor. */
    enum Pull {
        UP,
        DOWN,
        OFF
    }

    InputPin {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("every hardware input needs a name");
        }
        if (trigger == null) {
            throw new IllegalArgumentException("hardware input " + name + " needs a trigger");
        }
    }
}
