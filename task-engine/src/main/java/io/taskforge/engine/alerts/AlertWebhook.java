package io.taskforge.engine.alerts;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts an alert to the configured webhook, signed with HMAC-SHA256 over the body, and retries a
 * failed POST with exponential backoff (resilience4j's retry) before the round gives up.
 */
class AlertWebhook {

    /** Holds {@code sha256=<hex>}: the HMAC-SHA256 of the request body under the configured secret. */
    static final String SIGNATURE_HEADER = "X-Taskforge-Signature";

    static final String ALERT_ID_HEADER = "X-Taskforge-Alert-Id";

    private static final String HMAC = "HmacSHA256";

    private final WebhookProperties properties;
    private final HttpClient http;
    private final Retry retry;

    AlertWebhook(WebhookProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.retry = Retry.of(
                "alert-webhook",
                RetryConfig.custom()
                        .maxAttempts(properties.attempts())
                        .intervalFunction(IntervalFunction.ofExponentialBackoff(properties.backoff(), 2.0))
                        .retryExceptions(IOException.class, WebhookRefusedException.class)
                        .build());
    }

    /** One round of delivery; returns the POSTs it made, or throws the last failure once the round is spent. */
    int post(String alertId, String body) throws Exception {
        AtomicInteger posts = new AtomicInteger();
        try {
            retry.executeCallable(() -> {
                posts.incrementAndGet();
                send(alertId, body);
                return null;
            });
            return posts.get();
        } catch (IOException | WebhookRefusedException failed) {
            throw new RoundFailedException(posts.get(), failed);
        }
    }

    private void send(String alertId, String body) throws IOException, InterruptedException, WebhookRefusedException {
        HttpRequest request = HttpRequest.newBuilder(properties.url())
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header(ALERT_ID_HEADER, alertId)
                .header(SIGNATURE_HEADER, signature(properties.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new WebhookRefusedException("the webhook answered " + response.statusCode());
        }
    }

    static String signature(String secret, String body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The webhook answered, but not with a 2xx. */
    static final class WebhookRefusedException extends Exception {
        WebhookRefusedException(String message) {
            super(message);
        }
    }

    /** Every POST of a round failed. */
    static final class RoundFailedException extends Exception {

        private final int posts;

        RoundFailedException(int posts, Throwable last) {
            super(last.getMessage(), last);
            this.posts = posts;
        }

        int posts() {
            return posts;
        }
    }
}
