package io.taskforge.system;

import io.taskforge.execution.Stall;
import io.taskforge.execution.StallDetector;
import io.taskforge.task.counts.TaskCounts;
import io.taskforge.tasks.TaskLookup;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Judges the application's health: degraded while failed tasks wait in the dead letter queue or
 * work is stalled, healthy otherwise.
 */
@Component
class SystemHealth {

    /** How many stalls the reason names before it only counts the rest. */
    static final int STALLS_NAMED = 3;

    private final TaskLookup lookup;
    private final StallDetector stallDetector;
    private final Clock clock;

    SystemHealth(TaskLookup lookup, StallDetector stallDetector, Clock clock) {
        this.lookup = lookup;
        this.stallDetector = stallDetector;
        this.clock = clock;
    }

    HealthResponse check() {
        TaskCounts counts = lookup.counts();
        String reason = reasonToDegrade(counts.inDlq(), stallDetector.stalls().all());
        String status = reason == null ? HealthResponse.HEALTHY : HealthResponse.DEGRADED;
        return new HealthResponse(status, reason, SystemTaskCounts.of(counts), clock.instant());
    }

    /** Why the application is degraded, briefly; null when it is healthy. */
    static String reasonToDegrade(long inDlq, List<Stall> stalls) {
        List<String> reasons = new ArrayList<>();
        if (inDlq > 0) {
            reasons.add(inDlq + " task(s) failed and wait in the dead letter queue");
        }
        if (!stalls.isEmpty()) {
            String named = stalls.stream()
                    .limit(STALLS_NAMED)
                    .map(SystemHealth::briefly)
                    .collect(Collectors.joining(", "));
            String more = stalls.size() > STALLS_NAMED ? ", " + (stalls.size() - STALLS_NAMED) + " more" : "";
            reasons.add(stalls.size() + " stall(s): " + named + more);
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    private static String briefly(Stall stall) {
        return stall.kind()
                + (stall.taskId() != null ? " (task " + stall.taskId() + ")" : " (type " + stall.type() + ")");
    }
}
