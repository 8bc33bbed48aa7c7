package io.taskforge.engine.alerts;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where alerts are posted, and how patiently.
 *
 * @param url the webhook; unset means alerts go to the log and {@code GET /api/v1/alerts} only
 * @param secret the key of the HMAC-SHA256 signature in {@value AlertWebhook#SIGNATURE_HEADER}; required with a url
 * @param timeout how long one POST may take
 * @param attempts POSTs per delivery round before the alert waits for the next round
 * @param backoff the wait after the first failed POST of a round; each further one doubles it
 * @param redelivery the wait before the next round after a failed one; doubles each round, to {@code maxRedelivery}
 * @param maxRedelivery the longest wait between rounds
 * @param pollInterval how often the outbox is checked for alerts to deliver
 */
@ConfigurationProperties("taskforge.alerts.webhook")
record WebhookProperties(
        URI url,
        String secret,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("3") int attempts,
        @DefaultValue("500ms") Duration backoff,
        @DefaultValue("30s") Duration redelivery,
        @DefaultValue("1h") Duration maxRedelivery,
        @DefaultValue("1s") Duration pollInterval) {

    WebhookProperties {
        if (url != null && (secret == null || secret.isBlank())) {
            throw new IllegalArgumentException(
                    "taskforge.alerts.webhook.secret (TASKFORGE_ALERTS_WEBHOOK_SECRET) is required with a webhook url:"
                            + " every alert is signed with it");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("taskforge.alerts.webhook.attempts must be at least 1");
        }
    }

    /** The wait before round {@code failedRounds + 1}. */
    Duration redeliveryAfter(int failedRounds) {
        Duration wait = redelivery;
        for (int i = 1; i < failedRounds && wait.compareTo(maxRedelivery) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRedelivery) > 0 ? maxRedelivery : wait;
    }
}
