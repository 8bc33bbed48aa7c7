package io.taskforge.engine.execution;

import io.taskforge.engine.queue.AliveReport;
import io.taskforge.task.TaskId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Heartbeats: renews the leases of this node's running attempts and writes the liveness reports of
 * those that watch their liveness (row updates, never events), stops local attempts the queue no
 * longer assigns here, such as a task cancelled on another node, and stops attempts that stayed
 * stalled past their restart limit, so that they are retried.
 */
@Component
class LeaseKeeper extends RunUntilStopped {

    private final AttemptLifecycle lifecycle;
    private final RunningAttempts running;
    private final WorkerIdentity worker;
    private final ExecutionProperties properties;
    private final Clock clock;

    LeaseKeeper(
            AttemptLifecycle lifecycle,
            RunningAttempts running,
            WorkerIdentity worker,
            ExecutionProperties properties,
            Clock clock) {
        super("lease-keeper");
        this.lifecycle = lifecycle;
        this.running = running;
        this.worker = worker;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Takes the list of local attempts before asking the queue, so that an attempt starting while
     * the leases are renewed is left alone until the next heartbeat rather than stopped.
     */
    @Override
    protected void step() {
        List<AttemptContext> runningHere = running.snapshot();
        Set<TaskId> taskIds = runningHere.stream().map(AttemptContext::taskId).collect(Collectors.toSet());
        Map<TaskId, Integer> assigned = lifecycle.heartbeat(worker.id(), taskIds);
        runningHere.stream()
                .filter(context -> !Integer.valueOf(context.attempt()).equals(assigned.get(context.taskId())))
                .forEach(context -> context.stop(AttemptContext.StopReason.NOT_ASSIGNED_HERE));
        List<AliveReport> alive = runningHere.stream()
                .flatMap(context -> context.aliveReport().stream())
                .toList();
        if (!alive.isEmpty()) {
            lifecycle.alive(worker.id(), alive);
        }
        Instant now = clock.instant();
        runningHere.forEach(context -> context.stopIfStalled(now));
    }

    @Override
    protected void pause() throws InterruptedException {
        Thread.sleep(properties.heartbeatInterval());
    }
}
