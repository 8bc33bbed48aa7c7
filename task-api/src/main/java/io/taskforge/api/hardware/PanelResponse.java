package io.taskforge.api.hardware;

import io.taskforge.hardware.HardwarePanel;
import io.taskforge.hardware.InputState;
import io.taskforge.hardware.LoopTask;
import io.taskforge.hardware.OutputState;
import java.util.List;

/**
 * The hardware panel.
 *
 * @param enabled whether the hardware adapter runs ({@code TASKFORGE_HARDWARE_ENABLED})
 * @param platform {@code mock} or {@code raspberrypi}; null while the adapter is off
 * @param loops the loop tasks this run of the engine started
 */
record PanelResponse(
        boolean enabled, String platform, List<LoopBody> loops, List<OutputState> outputs, List<InputState> inputs) {

    /** A loop and the task that runs it. */
    record LoopBody(String type, String category, String taskId) {

        static LoopBody of(LoopTask loop) {
            return new LoopBody(loop.type(), loop.category(), loop.taskId().toString());
        }
    }

    static PanelResponse off() {
        return new PanelResponse(false, null, List.of(), List.of(), List.of());
    }

    static PanelResponse of(HardwarePanel panel) {
        return new PanelResponse(
                true,
                panel.platform(),
                panel.loops().stream().map(LoopBody::of).toList(),
                panel.outputs(),
                panel.inputs());
    }
}
