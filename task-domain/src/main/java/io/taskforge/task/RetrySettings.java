package io.taskforge.task;

/**
 * How often and how patiently a task is retried.
 *
 * @param maxAttempts attempts allowed in one run of the task, the first one included
 * @param baseDelayMillis delay before the first retry; each further retry doubles it
 * @param maxDelayMillis upper bound of any retry delay
 * @param jitter fraction (0 to 1) by which a delay is randomly shortened, so retries of many
 *     tasks do not arrive at a provider all at once
 */
public record RetrySettings(int maxAttempts, long baseDelayMillis, long maxDelayMillis, double jitter) {

    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final long DEFAULT_BASE_DELAY_MILLIS = 1_000;
    public static final long DEFAULT_MAX_DELAY_MILLIS = 30_000;
    public static final double DEFAULT_JITTER = 0.25;

    public static final RetrySettings DEFAULT = new RetrySettings(
            DEFAULT_MAX_ATTEMPTS, DEFAULT_BASE_DELAY_MILLIS, DEFAULT_MAX_DELAY_MILLIS, DEFAULT_JITTER);

    public RetrySettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max_attempts must be at least 1");
        }
        if (baseDelayMillis < 0 || maxDelayMillis < baseDelayMillis) {
            throw new IllegalArgumentException("delays must satisfy 0 <= base_delay_ms <= max_delay_ms");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must lie between 0 and 1");
        }
    }
}
