package io.taskforge.engine.execution;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this node runs tasks.
 *
 * @param enabled whether this node's internal workers take work from the start ({@code
 *     AUTO_START_WORKERS}); they can be started and stopped over the API
 * @param workers internal workers at start-up, each running one attempt at a time ({@code
 *     NUM_INTERNAL_WORKERS})
 * @param maxConcurrentTasks attempts running at once over all nodes ({@code MAX_CONCURRENT_TASKS})
 * @param typeLimits attempts of one type running at once over all nodes; {@code <TYPE>_MAX_CONCURRENT}
 *     environment variables add to these
 * @param workerId this node's worker id; generated per start when absent, so a restarted node never
 *     renews the leases of the attempts its previous life left behind
 * @param pollInterval how often the dispatcher looks for due work without being woken
 * @param heartbeatInterval how often leases of running attempts are renewed
 * @param sweepInterval how often expired leases and passed deadlines are looked for
 * @param progressInterval the shortest time between two recorded progress updates of one task
 * @param noProgressStallAfter a running attempt whose progress stays frozen this long is reported stalled
 * @param noRunnerStallAfter due work of a type that nothing runs this long is reported stalled
 */
@ConfigurationProperties("taskforge.execution")
public record ExecutionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10") int workers,
        @DefaultValue("100") int maxConcurrentTasks,
        Map<String, Integer> typeLimits,
        String workerId,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("1s") Duration heartbeatInterval,
        @DefaultValue("1s") Duration sweepInterval,
        @DefaultValue("1s") Duration progressInterval,
        @DefaultValue("5m") Duration noProgressStallAfter,
        @DefaultValue("60s") Duration noRunnerStallAfter) {

    public ExecutionProperties {
        typeLimits = typeLimits == null ? Map.of() : Map.copyOf(typeLimits);
        if (workers < 0 || maxConcurrentTasks < 1) {
            throw new IllegalArgumentException("NUM_INTERNAL_WORKERS must be >= 0 and MAX_CONCURRENT_TASKS >= 1");
        }
    }
}
