package io.taskforge.api.health;

import io.swagger.v3.oas.annotations.media.Schema;
import io.taskforge.engine.execution.InternalPoolStatus;
import io.taskforge.engine.execution.InternalWorker;
import io.taskforge.task.counts.TaskCounts;
import io.taskforge.task.workers.WorkerView;
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
     * Workers: this node's internal ones ({@code NUM_INTERNAL_WORKERS}; all offline while the pool is
     * stopped, busy while one finishes its attempt after a stop or scale-down) and every registered
     * external worker. {@code idle}, {@code busy} and {@code offline} always add up to {@code total}.
     */
    @Schema(
            name = "HealthWorkers",
            description =
                    "This node's internal workers and the registered external ones; idle + busy + offline = total")
    record Workers(int total, int idle, int busy, int offline) {

        /** This node's internal workers. */
        static Workers of(InternalPoolStatus pool) {
            int idle = 0;
            int busy = 0;
            int offline = 0;
            for (InternalWorker worker : pool.workers()) {
                switch (worker.status()) {
                    case IDLE -> idle++;
                    case BUSY, STOPPING -> busy++;
                    case STOPPED -> offline++;
                }
            }
            return new Workers(idle + busy + offline, idle, busy, offline);
        }

        /** These workers and the external ones. */
        Workers plus(List<WorkerView> external) {
            int idle = 0;
            int busy = 0;
            int offline = 0;
            for (WorkerView worker : external) {
                switch (worker.status()) {
                    case WorkerView.IDLE -> idle++;
                    case WorkerView.BUSY -> busy++;
                    default -> offline++;
                }
            }
            return new Workers(total + external.size(), this.idle + idle, this.busy + busy, this.offline + offline);
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
