package io.taskforge.api.workers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskforge.api.docs.ApiTags;
import io.taskforge.api.web.ApiErrorCode;
import io.taskforge.api.web.ApiException;
import io.taskforge.engine.execution.InternalWorkers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Seed 002's control of the in-process worker pool: this node's internal workers. */
@RestController
@RequestMapping("/api/v1/workers/internal")
@Tag(name = ApiTags.WORKERS)
class InternalWorkersController {

    private final InternalWorkers pool;

    InternalWorkersController(InternalWorkers pool) {
        this.pool = pool;
    }

    @GetMapping("/status")
    @Operation(summary = "This node's internal workers: whether they take work, and what each runs")
    @ApiResponse(responseCode = "200", description = "the pool")
    InternalStatusResponse status() {
        return InternalStatusResponse.of(pool.status());
    }

    @PostMapping("/scale")
    @Operation(
            summary = "Set the number of internal workers (admin keys)",
            description = "Workers beyond the new number finish their attempt first; claimed tasks not started yet"
                    + " go back to the queue.")
    @ApiResponse(responseCode = "200", description = "scaled")
    @ApiResponse(responseCode = "422", description = "num_workers missing or out of range")
    ScaleResponse scale(@RequestBody ScaleRequest request) {
        if (request.numWorkers() == null) {
            throw new ApiException(ApiErrorCode.VALIDATION_ERROR, "num_workers is required");
        }
        int previous;
        try {
            previous = pool.scale(request.numWorkers());
        } catch (IllegalArgumentException outOfRange) {
            throw new ApiException(ApiErrorCode.VALIDATION_ERROR, outOfRange.getMessage());
        }
        return new ScaleResponse("Workers scaled successfully", previous, request.numWorkers());
    }

    @PostMapping("/stop")
    @Operation(
            summary = "Stop the internal workers (admin keys)",
            description = "They take no more work; running attempts finish, claimed tasks go back to the queue.")
    @ApiResponse(responseCode = "200", description = "stopped")
    StopResponse stop() {
        return new StopResponse("Workers stopped", pool.stop());
    }

    @PostMapping("/start")
    @Operation(summary = "Start the internal workers again (admin keys)")
    @ApiResponse(responseCode = "200", description = "started")
    StartResponse start() {
        return new StartResponse("Workers started", pool.start());
    }
}
