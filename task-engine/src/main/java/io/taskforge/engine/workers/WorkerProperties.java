package io.taskforge.engine.workers;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the engine treats external workers.
 *
 * @param offlineAfter a worker not heard of (heartbeat, claim) this long goes offline and its
 *     running attempts are handed back ({@code TASKFORGE_WORKERS_OFFLINE_AFTER})
 * @param checkInterval how often silent workers are looked for
 * @param maxClaimWait the longest long poll a claim may ask for
 * @param externalTypes task types that no handler in the engine runs, accepted at submission for
 *     external workers ({@code TASKFORGE_WORKERS_EXTERNAL_TYPES})
 */
@ConfigurationProperties("taskforge.workers")
public record WorkerProperties(
        @DefaultValue("30s") Duration offlineAfter,
        @DefaultValue("1s") Duration checkInterval,
        @DefaultValue("60s") Duration maxClaimWait,
        @DefaultValue("external") List<String> externalTypes) {

    public WorkerProperties {
        externalTypes = List.copyOf(externalTypes);
    }

    /** Whether tasks of this type are left to external workers. */
    public boolean isExternalType(String type) {
        return externalTypes.contains(type);
    }
}
