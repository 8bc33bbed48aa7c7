package io.taskforge.api.hardware;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskforge.api.docs.ApiTags;
import io.taskforge.api.web.ApiErrorCode;
import io.taskforge.api.web.ApiException;
import io.taskforge.hardware.HardwarePanel;
import io.taskforge.hardware.PanelException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The hardware adapter's panel, and pressing the buttons of its mock platform. */
@RestController
@RequestMapping("/api/v1/hardware")
@Tag(name = ApiTags.HARDWARE)
class HardwareController {

    private final ObjectProvider<HardwarePanel> panel;

    HardwareController(ObjectProvider<HardwarePanel> panel) {
        this.panel = panel;
    }

    @GetMapping
    @Operation(
            summary = "The panel: platform, loop tasks, outputs and inputs",
            description = "`enabled` is false (and the lists empty) unless TASKFORGE_HARDWARE_ENABLED=true. `loops`"
                    + " names the render and poll loop tasks (find them in /api/v1/system/tasks/active); `outputs`"
                    + " shows what each LED shows now (`on`/`off`, and `duty_cycle` 0-100 for PWM outputs);"
                    + " `inputs` says whether each is pressed and what a press does (`create-task` of the type in"
                    + " `creates`, or `cancel-created`).")
    PanelResponse panel() {
        HardwarePanel hardware = panel.getIfAvailable();
        return hardware == null ? PanelResponse.off() : PanelResponse.of(hardware);
    }

    @PostMapping("/inputs/{name}/press")
    @Operation(
            summary = "Presses a button of the mock platform",
            description = "Holds the input down for `hold_ms` (default 100, from 1 to 5000) and releases it. The poll"
                    + " loop sees the press as it would a real one (debounced) and publishes its trigger: a new task,"
                    + " or cancels. Answers once the button is released; the task follows within a poll.")
    @ApiResponse(responseCode = "200", description = "pressed and released")
    @ApiResponse(responseCode = "404", description = "the adapter is off, or the panel has no such input")
    @ApiResponse(responseCode = "409", description = "the input is a real GPIO pin: press the button itself")
    PressResponse press(
            @PathVariable String name,
            @RequestParam(name = "hold_ms", defaultValue = "100") @Min(1) @Max(5000) long holdMs)
            throws InterruptedException {
        HardwarePanel hardware = panel.getIfAvailable();
        if (hardware == null) {
            throw new ApiException(
                    ApiErrorCode.NOT_FOUND,
                    "the hardware adapter is off; start the engine with TASKFORGE_HARDWARE_ENABLED=true");
        }
        try {
            return new PressResponse(hardware.platform(), holdMs, hardware.press(name, Duration.ofMillis(holdMs)));
        } catch (PanelException refused) {
            throw new ApiException(
                    refused.reason() == PanelException.Reason.UNKNOWN_INPUT
                            ? ApiErrorCode.NOT_FOUND
                            : ApiErrorCode.CONFLICT,
                    refused.getMessage());
        }
    }
}
