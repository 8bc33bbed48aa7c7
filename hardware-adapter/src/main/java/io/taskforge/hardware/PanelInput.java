package io.taskforge.hardware;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;

/** One configured input with its Pi4J pin. */
record PanelInput(InputPin config, DigitalInput pin) {

    /** Whether the pin reads as pressed now. */
    boolean pressedNow() {
        DigitalState state = pin.state();
        return config.activeLow() ? state == DigitalState.LOW : state == DigitalState.HIGH;
    }
}
