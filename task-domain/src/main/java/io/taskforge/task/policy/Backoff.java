package io.taskforge.task.policy;

import io.taskforge.task.RetrySettings;
import java.time.Duration;

/**
 * Exponential backoff with jitter: the n-th retry waits {@code base * 2^(n-1)}, capped, then
 * shortened by a random share of at most {@code jitter}.
 *
 * <p>Jitter only ever shortens a delay, so no retry waits longer than the cap while tasks that
 * failed together still spread out.
 */
public record Backoff(Duration base, Duration cap, double jitter) {

    public Backoff {
        if (base.isNegative() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 <= base <= cap");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must lie between 0 and 1");
        }
    }

    public static Backoff of(RetrySettings settings) {
        return new Backoff(
                Duration.ofMillis(settings.baseDelayMillis()),
                Duration.ofMillis(settings.maxDelayMillis()),
                settings.jitter());
    }

    /**
     * The delay before a retry.
     *
     * @param retryNumber 1 for the first retry, 2 for the second, and so on
     * @param unitRandom a random number in [0, 1)
     */
    public Duration delayBefore(int retryNumber, double unitRandom) {
        if (retryNumber < 1) {
            throw new IllegalArgumentException("retryNumber starts at 1");
        }
        if (!(unitRandom >= 0 && unitRandom < 1)) {
            throw new IllegalArgumentException("unitRandom must lie in [0, 1)");
        }
        long capped = exponential(retryNumber);
        long shortenedBy = (long) Math.floor(capped * jitter * unitRandom);
        return Duration.ofMillis(capped - shortenedBy);
    }

    private long exponential(int retryNumber) {
        long capMillis = cap.toMillis();
        long delay = base.toMillis();
        for (int i = 1; i < retryNumber && delay > 0 && delay < capMillis; i++) {
            delay = delay > capMillis / 2 ? capMillis : delay * 2;
        }
        return Math.min(delay, capMillis);
    }
}
