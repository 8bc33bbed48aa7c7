package io.taskforge.engine.execution;

import io.taskforge.engine.queue.RunningTask;
import io.taskforge.engine.queue.TaskQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Times out attempts whose worker stopped renewing its lease (a crashed or cut-off node) or that
 * outlived their deadline on a node that did not stop them; the retry policy takes it from there.
 * Every node sweeps: the aggregate accepts only the first time-out of an attempt.
 */
@Component
class Sweeper extends RunUntilStopped {

    /** Lets the node running an attempt time it out itself before others step in. */
    private static final Duration DEADLINE_GRACE = Duration.ofSeconds(5);

    private final TaskQueue queue;
    private final RunningAttempts running;
    private final AttemptLifecycle lifecycle;
    private final ExecutionProperties properties;
    private final Clock clock;

    Sweeper(
            TaskQueue queue,
            RunningAttempts running,
            AttemptLifecycle lifecycle,
            ExecutionProperties properties,
            Clock clock) {
        super("sweeper");
        this.queue = queue;
        this.running = running;
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void step() {
        Instant now = clock.instant();
        for (RunningTask task : queue.overdue(now, now.minus(DEADLINE_GRACE))) {
            if (!running.isRunningHere(task.taskId())) {
                lifecycle.timeOut(task.taskId(), task.attempt(), reason(task, now));
            }
        }
    }

    @Override
    protected void pause() throws InterruptedException {
        Thread.sleep(properties.sweepInterval());
    }

    private static String reason(RunningTask task, Instant now) {
        if (task.leaseUntil() != null && task.leaseUntil().isBefore(now)) {
            return "worker " + task.workerId() + " stopped renewing its lease (last valid until " + task.leaseUntil()
                    + ")";
        }
        return "attempt passed its deadline " + task.deadline() + " on worker " + task.workerId();
    }
}
