package io.taskforge.api.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long finished tasks stay in the task lists before the retention job archives them.
 *
 * @param hours hours after finishing that a task is archived ({@code TASK_RETENTION_HOURS}); 0 keeps
 *     tasks forever
 * @param interval how often the retention job looks for tasks to archive
 */
@ConfigurationProperties("taskforge.retention")
public record RetentionProperties(
        @DefaultValue(KEEP_FOREVER) long hours,
        @DefaultValue(DEFAULT_INTERVAL) Duration interval) {

    static final String KEEP_FOREVER = "0";
    static final String DEFAULT_INTERVAL = "5m";

    public RetentionProperties {
        if (hours < 0) {
            throw new IllegalArgumentException("TASK_RETENTION_HOURS must be 0 (keep forever) or more, not " + hours);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("taskforge.retention.interval must be positive, not " + interval);
        }
    }

    boolean keepsForever() {
        return hours == 0;
    }

    Duration retention() {
        return Duration.ofHours(hours);
    }
}
