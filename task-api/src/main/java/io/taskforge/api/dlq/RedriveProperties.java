package io.taskforge.api.dlq;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a bulk redrive of the dead letter queue runs.
 *
 * @param ratePerSecond the most tasks a redrive sends back to the queue per second (a request may ask for fewer)
 * @param maxTasks the most tasks one redrive takes
 * @param sampleSize how many of the tasks a dry run shows
 */
@ConfigurationProperties("taskforge.redrive")
record RedriveProperties(
        @DefaultValue("20") double ratePerSecond,
        @DefaultValue("1000") int maxTasks,
        @DefaultValue("10") int sampleSize) {

    RedriveProperties {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("taskforge.redrive.rate-per-second must be positive");
        }
    }
}
