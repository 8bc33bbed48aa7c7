package io.taskforge.api.health;

import io.taskforge.engine.execution.InternalPoolStatus;
import io.taskforge.engine.execution.InternalWorkers;
import io.taskforge.engine.execution.RunningAttempts;
import io.taskforge.engine.execution.Stall;
import io.taskforge.engine.execution.WorkerIdentity;
import java.util.EnumSet;
import java.util.List;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code execution} health component: this node's worker, what it runs, and any stalled work
 * with its reason. Stalls are reported but keep the node up: restarting it would not move them.
 * Only the first few are listed, with the count of all: a health check must stay small when
 * thousands of tasks stall at once.
 */
@Component("execution")
class ExecutionHealthIndicator implements HealthIndicator {

    static final int STALLS_LISTED = 20;

    private final HealthAssessor assessor;
    private final RunningAttempts running;
    private final WorkerIdentity worker;
    private final InternalWorkers pool;

    ExecutionHealthIndicator(
            HealthAssessor assessor, RunningAttempts running, WorkerIdentity worker, InternalWorkers pool) {
        this.assessor = assessor;
        this.running = running;
        this.worker = worker;
        this.pool = pool;
    }

    @Override
    public Health health() {
        List<Stall> found = assessor.assess(EnumSet.of(Concern.STALLS)).stalls();
        InternalPoolStatus internal = pool.status();
        return Health.up()
                .withDetail("worker_id", worker.id())
                .withDetail("executing", internal.running())
                .withDetail("running_here", running.taskIds().size())
                .withDetail("slots", internal.size())
                .withDetail("stall_count", found.size())
                .withDetail("stalls", found.stream().limit(STALLS_LISTED).toList())
                .build();
    }
}
