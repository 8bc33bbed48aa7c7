package io.taskforge.api.health;

import io.swagger.v3.oas.annotations.media.Schema;
import io.taskforge.engine.execution.ExecutionProperties;
import io.taskforge.engine.execution.RunningAttempts;
import io.taskforge.task.counts.TaskCounts;
import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code /health}: seed 002's fields, plus the reasons behind a status other than
 * {@code healthy}.
 *
 * @param queue null when the counts could not be read
 */
record HealthReport(
        HealthStatus status,
        String version,
        Instant timestamp,
        Database database,
        Workers workers,
        Queue queue,
        List<String> reasons) {

    /**
     * The database check.
     *
     * @param latencyMs the {@code SELECT 1} round trip in milliseconds; null when the database did
     *     not answer
     */
    @Schema(name = "HealthDatabase")
    record Database(boolean connected, Double latencyMs) {}

    /**
     * This node's internal workers, one per slot ({@code NUM_INTERNAL_WORKERS}): {@code idle},
     * {@code busy} and {@code offline} always add up to {@code total}; all slots are offline when
     * the node runs no tasks ({@code AUTO_START_WORKERS=false}).
     */
    @Schema(name = "HealthWorkers", description = "This node's internal workers; idle + busy + offline = total")
    record Workers(int total, int idle, int busy, int offline) {

        static Workers of(ExecutionProperties execution, RunningAttempts running) {
            int slots = execution.workers();
            if (!execution.enabled()) {
                return new Workers(slots, 0, 0, slots);
            }
            int busy = running.taskIds().size();
            return new Workers(slots, Math.max(0, slots - busy), busy, 0);
        }
    }

    /**
     * Tasks over all nodes.
     *
     * @param pending tasks waiting to run, retries waiting for their time included
     */
    @Schema(name = "HealthQueue", description = "Tasks over all nodes; pending includes retries waiting for their time")
    record Queue(long pending, long running, long completed) {

        static Queue of(TaskCounts counts) {
            return new Queue(counts.waiting(), counts.running(), counts.completed());
        }
    }
}
