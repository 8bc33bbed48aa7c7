package io.taskforge.api.alerts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskforge.api.docs.ApiTags;
import io.taskforge.api.reads.TaskReads;
import io.taskforge.api.web.ApiErrorCode;
import io.taskforge.api.web.ApiException;
import io.taskforge.engine.alerts.AlertDeliveryStatus;
import io.taskforge.engine.alerts.AlertOutbox;
import io.taskforge.task.alerts.AlertView;
import io.taskforge.task.alerts.ListAlertsQuery;
import io.taskforge.task.command.AcknowledgeAlertCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The alerts raised for dead-lettered and escalated tasks, and their acknowledgement. */
@RestController
@Tag(name = ApiTags.SELF_HEALING)
class AlertsController {

    private static final Set<String> SEVERITIES = Set.of("critical", "high", "medium");

    /** A page of alerts, most recent first. */
    record AlertsResponse(int count, List<AlertResource> alerts) {}

    /** The answer to an acknowledgement. */
    record AcknowledgedResponse(boolean success, String alertId, String taskId, String acknowledgedBy, String note) {}

    private final TaskReads reads;
    private final AlertOutbox outbox;
    private final CommandGateway commands;

    AlertsController(TaskReads reads, AlertOutbox outbox, CommandGateway commands) {
        this.reads = reads;
        this.outbox = outbox;
        this.commands = commands;
    }

    @GetMapping("/api/v1/alerts")
    @Operation(
            summary = "Alerts, most recent first, with their delivery to the log and the webhook",
            description = "An alert is raised when a task reaches the dead letter queue (critical for an amount of"
                    + " 100 or more, high for payment or withdrawal kinds, medium otherwise) or a fallback chain"
                    + " escalates it (the step's severity).")
    AlertsResponse alerts(
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) Boolean acknowledged,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        String wanted = severity == null ? null : severity.toLowerCase(Locale.ROOT);
        if (wanted != null && !SEVERITIES.contains(wanted)) {
            throw new ApiException(
                    ApiErrorCode.BAD_REQUEST, "unknown severity '" + severity + "'; use critical, high or medium");
        }
        List<AlertView> alerts = reads.alerts(new ListAlertsQuery(wanted, acknowledged, limit, offset, null));
        Map<UUID, AlertDeliveryStatus> deliveries =
                outbox.statusOf(alerts.stream().map(AlertView::alertId).toList());
        List<AlertResource> resources = alerts.stream()
                .map(alert -> AlertResource.of(alert, deliveries.get(alert.alertId())))
                .toList();
        return new AlertsResponse(resources.size(), resources);
    }

    @PostMapping("/api/v1/alerts/{alertId}/ack")
    @Operation(
            summary = "Acknowledge an alert, with an optional note",
            description = "Recorded on the task's timeline (alert_acknowledged); 409 when it was acknowledged before.")
    AcknowledgedResponse acknowledge(
            @PathVariable String alertId,
            @Valid @RequestBody(required = false) AcknowledgeRequest body,
            Principal principal) {
        AlertView alert = parse(alertId)
                .flatMap(reads::alert)
                .orElseThrow(() -> new ApiException(ApiErrorCode.NOT_FOUND, "no alert " + alertId));
        String note = body == null ? null : body.note();
        commands.sendAndWait(new AcknowledgeAlertCommand(alert.taskId(), alert.alertId(), principal.getName(), note));
        return new AcknowledgedResponse(
                true, alert.alertId().toString(), alert.taskId().toString(), principal.getName(), note);
    }

    private static Optional<UUID> parse(String alertId) {
        try {
            return Optional.of(UUID.fromString(alertId));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
