package io.taskforge.engine.alerts;

import io.taskforge.engine.execution.RunUntilStopped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers what the outbox holds, on a thread of its own so that nothing in task execution waits
 * for it: each alert is logged, then posted to the webhook when one is configured. A failed round
 * leaves the alert in the outbox for a later round, after a wait that doubles each time; the outbox
 * is a table, so a restart picks up where delivery stopped.
 */
@Component
class AlertDelivery extends RunUntilStopped {

    private static final Logger log = LoggerFactory.getLogger("taskforge.alerts");

    /** Alerts taken in one step. */
    static final int BATCH = 20;

    /** How long a claim keeps other nodes off an alert being delivered. */
    static final Duration CLAIM = Duration.ofMinutes(2);

    private final AlertOutbox outbox;
    private final WebhookProperties properties;
    private final AlertWebhook webhook;
    private final Clock clock;

    AlertDelivery(AlertOutbox outbox, WebhookProperties properties, Clock clock) {
        super("alert-delivery");
        this.outbox = outbox;
        this.properties = properties;
        this.webhook = properties.url() == null ? null : new AlertWebhook(properties);
        this.clock = clock;
    }

    @Override
    protected void step() {
        List<PendingAlert> due = outbox.claim(BATCH, clock.instant(), CLAIM);
        due.forEach(this::deliver);
    }

    @Override
    protected void pause() throws InterruptedException {
        Thread.sleep(properties.pollInterval());
    }

    private void deliver(PendingAlert alert) {
        if (alert.rounds() == 0) {
            log.warn("alert raised: {}", alert.payloadJson());
        }
        if (webhook == null) {
            outbox.delivered(alert.alertId(), 0, clock.instant());
            return;
        }
        try {
            int posts = webhook.post(alert.alertId().toString(), alert.payloadJson());
            outbox.delivered(alert.alertId(), alert.attempts() + posts, clock.instant());
        } catch (AlertWebhook.RoundFailedException failed) {
            Instant next = clock.instant().plus(properties.redeliveryAfter(alert.rounds() + 1));
            log.warn(
                    "alert {} not delivered to the webhook ({}); next round at {}",
                    alert.alertId(),
                    failed.getMessage(),
                    next);
            outbox.failed(alert.alertId(), alert.attempts() + failed.posts(), failed.getMessage(), next);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (Exception unexpected) {
            Instant next = clock.instant().plus(properties.redeliveryAfter(alert.rounds() + 1));
            log.warn("alert {} not delivered to the webhook; next round at {}", alert.alertId(), next, unexpected);
            outbox.failed(alert.alertId(), alert.attempts(), unexpected.toString(), next);
        }
    }
}
