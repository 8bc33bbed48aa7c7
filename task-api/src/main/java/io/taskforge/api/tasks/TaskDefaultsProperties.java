package io.taskforge.api.tasks;

import io.taskforge.task.RetrySettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a submission gets when it leaves something out.
 *
 * @param defaultType the handler type of a seed 002 submission ({@code problem_id} without {@code type})
 * @param defaultTimeoutMinutes how long one attempt may run ({@code DEFAULT_TIMEOUT_MINUTES})
 * @param maxAttempts attempts a task gets, the first included
 * @param baseDelayMs delay before the first retry
 * @param maxDelayMs the longest delay between retries
 * @param jitter share (0 to 1) by which retry delays are randomly shortened
 */
@ConfigurationProperties("taskforge.tasks")
record TaskDefaultsProperties(
        @DefaultValue(DEFAULT_TYPE) String defaultType,
        @DefaultValue("30") long defaultTimeoutMinutes,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("1000") long baseDelayMs,
        @DefaultValue("30000") long maxDelayMs,
        @DefaultValue("0.25") double jitter) {

    static final String DEFAULT_TYPE = "noop";

    RetrySettings retry() {
        return new RetrySettings(maxAttempts, baseDelayMs, maxDelayMs, jitter);
    }
}
