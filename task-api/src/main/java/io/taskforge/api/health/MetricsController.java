package io.taskforge.api.health;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskforge.api.docs.ApiTags;
import io.taskforge.api.web.ApiErrorCode;
import io.taskforge.api.web.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Seed 002's {@code /metrics}: the same scrape as {@code /actuator/prometheus}, at the documented path. */
@RestController
@Tag(name = ApiTags.MONITORING)
class MetricsController {

    /** Prometheus text exposition format 0.0.4, which every Prometheus server accepts. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final ObjectProvider<PrometheusMeterRegistry> registry;

    MetricsController(ObjectProvider<PrometheusMeterRegistry> registry) {
        this.registry = registry;
    }

    @GetMapping("/metrics")
    @Operation(
            summary = "Metrics in Prometheus text format",
            description = "Engine gauges (taskforge_tasks{status}, taskforge_tasks_in_dlq, taskforge_workers_*,"
                    + " taskforge_queue_depth{type}, taskforge_queue_running{type},"
                    + " taskforge_projection_lag_events{processor}), task telemetry (taskforge_tasks_started_total,"
                    + " _completed_total, _failed_total, _retried_total, _dead_lettered_total,"
                    + " taskforge_task_duration_seconds, taskforge_fallback_steps_total, taskforge_alerts_total),"
                    + " resilience4j's circuit breaker states, and the JVM, HTTP and pool metrics of Micrometer."
                    + " Open without a key unless taskforge.metrics.public=false.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/plain"))
    ResponseEntity<String> metrics() {
        PrometheusMeterRegistry prometheus = registry.getIfAvailable();
        if (prometheus == null) {
            throw new ApiException(
                    ApiErrorCode.NOT_FOUND,
                    "Prometheus export is turned off (management.prometheus.metrics.export.enabled=false)");
        }
        // a preset content type skips content negotiation: scrapers get this format whatever they accept
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, PROMETHEUS_TEXT)
                .body(prometheus.scrape());
    }
}
