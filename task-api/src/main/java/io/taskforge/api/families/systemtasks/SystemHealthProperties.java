package io.taskforge.api.families.systemtasks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@code /api/v1/system/health} answers.
 *
 * @param degradedStatus the HTTP status of a degraded answer (a healthy one is 200): 500 by default, as
 *     seed 000 documents for its liveness probes; any 5xx status is accepted, such as 503
 */
@ConfigurationProperties("taskforge.health")
record SystemHealthProperties(
        @DefaultValue(DEFAULT_DEGRADED_STATUS) int degradedStatus) {

    static final String DEFAULT_DEGRADED_STATUS = "500";

    SystemHealthProperties {
        if (degradedStatus < 500 || degradedStatus > 599) {
            throw new IllegalArgumentException(
                    "taskforge.health.degraded-status must be a 5xx status such as 503 or 500, not " + degradedStatus);
        }
    }
}
