package io.taskforge.api.health;

import io.taskforge.engine.execution.Stall;
import io.taskforge.task.counts.TaskCounts;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One look at everything that makes the engine less than healthy, taken by {@link HealthAssessor}.
 * Each health endpoint formats it in its own shape, over the concerns it reports on.
 *
 * @param database null when the database was not among the concerns looked at
 * @param counts null when unreadable or not looked at
 * @param countsFailure why the counts could not be read; null when they could
 */
public record HealthAssessment(
        Instant at,
        DatabaseProbe.Check database,
        TaskCounts counts,
        RuntimeException countsFailure,
        List<Stall> stalls,
        List<BreakerState> openBreakers,
        List<HealthFinding> findings) {

    public boolean degradedBy(Set<Concern> concerns) {
        return findings.stream().anyMatch(finding -> concerns.contains(finding.concern()));
    }

    public List<String> reasons(Set<Concern> concerns) {
        return findings.stream()
                .filter(finding -> concerns.contains(finding.concern()))
                .map(HealthFinding::reason)
                .toList();
    }

    /** The reasons over those concerns in one line, separated by semicolons; null when there are none. */
    public String reason(Set<Concern> concerns) {
        List<String> reasons = reasons(concerns);
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    /** The task counts, or the failure that kept them from being read. */
    public TaskCounts countsOrThrow() {
        if (countsFailure != null) {
            throw countsFailure;
        }
        return counts;
    }
}
