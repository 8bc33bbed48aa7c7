package io.taskforge.hardware;

import io.taskforge.task.RetrySettings;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the engine supervises one loop.
 *
 * @param stallAfter the loop counts as stalled (in the active list and the health) when no
 *     iteration finished for this long, such as when it is blocked on a read
 * @param restartAfter a stalled loop is stopped and restarted after being stalled this long more
 * @param failuresBeforeRestart iterations failing in a row that end the attempt (an
 *     {@code attempt_failed}, then a restart with backoff); fewer are logged and the loop goes on
 * @param maxAttempts attempts of the loop task, the first included, before it goes to the dead
 *     letter queue with an alert
 * @param baseDelay the first restart's backoff; each further one doubles it
 * @param maxDelay the longest backoff between restarts
 */
record LoopSupervision(
        @DefaultValue("5s") Duration stallAfter,
        @DefaultValue("10s") Duration restartAfter,
        @DefaultValue("3") int failuresBeforeRestart,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1s") Duration baseDelay,
        @DefaultValue("30s") Duration maxDelay) {

    static final double JITTER = 0.25;

    LoopSupervision {
        if (failuresBeforeRestart < 1) {
            throw new IllegalArgumentException("failures-before-restart must be at least 1");
        }
    }

    RetrySettings retry() {
        return new RetrySettings(maxAttempts, baseDelay.toMillis(), maxDelay.toMillis(), JITTER);
    }
}
