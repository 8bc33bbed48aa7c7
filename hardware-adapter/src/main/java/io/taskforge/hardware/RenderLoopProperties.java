package io.taskforge.hardware;

import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The render loop: the outputs of an LED panel or strip, driven frame by frame.
 *
 * @param description what the loop's task says it does
 * @param frameRate frames per second
 * @param outputs the pins it drives; without any the loop does not run
 * @param supervision stall detection, restarts and the dead letter queue
 */
record RenderLoopProperties(
        @DefaultValue("LED panel render loop") String description,
        @DefaultValue("30") int frameRate,
        List<OutputPin> outputs,
        @DefaultValue LoopSupervision supervision) {

    RenderLoopProperties {
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        if (frameRate < 1 || frameRate > 1000) {
            throw new IllegalArgumentException("taskforge.hardware.render.frame-rate must lie between 1 and 1000");
        }
    }
}
