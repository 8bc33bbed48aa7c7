package io.taskforge.api.health;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskforge.api.docs.ApiTags;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The seed 002 probes {@code /health} and {@code /ready}, open to callers without a key. */
@RestController
@Tag(name = ApiTags.MONITORING)
@SecurityRequirements
class HealthController {

    private final EngineHealth engine;

    HealthController(EngineHealth engine) {
        this.engine = engine;
    }

    @GetMapping("/health")
    @Operation(
            summary = "Overall health: database, workers (this node's internal ones and the external ones) and the task"
                    + " queue",
            description = "healthy or degraded (reasons say why) answer 200; unhealthy, when the database does"
                    + " not answer, answers 503.")
    @ApiResponse(responseCode = "200", description = "healthy or degraded")
    @ApiResponse(responseCode = "503", description = "unhealthy: the database does not answer")
    ResponseEntity<HealthReport> health() {
        HealthReport report = engine.health();
        return ResponseEntity.status(
                        report.status() == HealthStatus.UNHEALTHY ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK)
                .body(report);
    }

    @GetMapping("/ready")
    @Operation(
            summary = "Whether this node can take requests",
            description = "Ready once the engine has started and the database answers. workers says whether"
                    + " some worker takes work: this node's internal pool, or an online external worker; a node"
                    + " without either is still ready.")
    @ApiResponse(responseCode = "200", description = "ready")
    @ApiResponse(responseCode = "503", description = "starting, stopping, or the database does not answer")
    ResponseEntity<ReadinessReport> ready() {
        ReadinessReport report = engine.readiness();
        return ResponseEntity.status(report.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(report);
    }
}
