package io.taskforge.api.alerts;

import io.taskforge.engine.alerts.AlertDeliveryStatus;
import io.taskforge.task.alerts.AlertView;
import java.time.Instant;

/**
 * An alert with its delivery.
 *
 * @param acknowledged whether someone acknowledged it
 * @param delivery how far its delivery to the log and the webhook got
 */
record AlertResource(
        String id,
        String alertId,
        String taskId,
        String severity,
        String source,
        String type,
        String provider,
        String errorType,
        String errorMessage,
        String reason,
        Instant raisedAt,
        boolean acknowledged,
        Instant acknowledgedAt,
        String acknowledgedBy,
        String note,
        Delivery delivery) {

    /**
     * @param status {@code delivered} or {@code pending}
     * @param attempts POSTs made to the webhook (0 when none is configured)
     */
    record Delivery(String status, int attempts, Instant deliveredAt, Instant nextAttemptAt, String lastError) {

        static Delivery of(AlertDeliveryStatus status) {
            if (status == null) {
                return new Delivery("pending", 0, null, null, null);
            }
            return new Delivery(
                    status.deliveredAt() == null ? "pending" : "delivered",
                    status.attempts(),
                    status.deliveredAt(),
                    status.nextAttemptAt(),
                    status.lastError());
        }
    }

    static AlertResource of(AlertView alert, AlertDeliveryStatus delivery) {
        return new AlertResource(
                alert.alertId().toString(),
                alert.alertId().toString(),
                alert.taskId().toString(),
                alert.severity(),
                alert.source(),
                alert.type(),
                alert.provider(),
                alert.errorType(),
                alert.errorMessage(),
                alert.reason(),
                alert.raisedAt(),
                alert.acknowledgedAt() != null,
                alert.acknowledgedAt(),
                alert.acknowledgedBy(),
                alert.note(),
                Delivery.of(delivery));
    }
}
