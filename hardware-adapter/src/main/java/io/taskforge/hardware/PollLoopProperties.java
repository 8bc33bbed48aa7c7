package io.taskforge.hardware;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The poll loop: the digital inputs of a control panel (buttons, switches), read and debounced.
 *
 * @param description what the loop's task says it does
 * @param interval the time between two reads of every input
 * @param debounce how long an input must hold a new state before the change counts
 * @param inputs the pins it reads and what each triggers; without any the loop does not run
 * @param supervision stall detection, restarts and the dead letter queue
 */
record PollLoopProperties(
        @DefaultValue("Control panel polling loop") String description,
        @DefaultValue("10ms") Duration interval,
        @DefaultValue("30ms") Duration debounce,
        List<InputPin> inputs,
        @DefaultValue LoopSupervision supervision) {

    PollLoopProperties {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("taskforge.hardware.poll.interval must be positive");
        }
    }
}
