package io.taskforge.engine.alerts;

import io.taskforge.task.event.AlertRaisedEvent;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** What a webhook receives for one alert, and what the log line says. */
record AlertPayload(
        UUID alertId,
        String taskId,
        String severity,
        String source,
        String type,
        String provider,
        String errorType,
        String errorMessage,
        String reason,
        Instant raisedAt) {

    static AlertPayload of(AlertRaisedEvent event) {
        return new AlertPayload(
                event.alertId(),
                event.taskId().toString(),
                event.severity().name().toLowerCase(Locale.ROOT),
                event.source().wireName(),
                event.type(),
                event.provider(),
                event.error() == null ? null : event.error().type(),
                event.error() == null ? null : event.error().message(),
                event.reason(),
                event.occurredAt());
    }
}
