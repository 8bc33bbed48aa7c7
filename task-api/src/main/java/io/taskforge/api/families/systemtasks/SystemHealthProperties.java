package io.taskforge.api.families.systemtasks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@code /api/v1/system/health} answers.
 *
 * @param degradedStatus the HTTP status of a degraded answer (a healthy one is 200): 503 by default,
 *     or 500 for probes that expect it; any 5xx status is accepted
 */
@ConfigurationProperties("taskforge.health")
record SystemHealthProperties(
        @DefaultValue(DEFAULT_DEGRADED_STATUS) int degradedStatus) {

    static final String DEFAULT_DEGRADED_STATUS = "503";

    SystemHealthProperties {
        if (degradedStatus < 500 || degradedStatus > 599) {
            throw new IllegalArgumentException(
                    "taskforge.health.degraded-status must be a 5xx status such as 503 or 500, not " + degradedStatus);
        }
    }
}
