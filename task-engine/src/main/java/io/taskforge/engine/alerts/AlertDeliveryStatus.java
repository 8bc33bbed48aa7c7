package io.taskforge.engine.alerts;

import java.time.Instant;

/**
 * How far one alert's delivery got.
 *
 * @param attempts POSTs made to the webhook so far (none when no webhook is configured)
 * @param deliveredAt when the log and the webhook had it; null while it waits
 * @param nextAttemptAt when the next round runs; null once delivered
 * @param lastError the last failure, for people; null when none
 */
public record AlertDeliveryStatus(int attempts, Instant deliveredAt, Instant nextAttemptAt, String lastError) {}
