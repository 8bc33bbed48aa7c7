package io.taskforge.execution;

import io.taskforge.queue.QueueProperties;
import io.taskforge.queue.TaskQueue;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Heartbeats: renews the leases of this node's running attempts (a row update, never an event)
 * and stops local attempts the queue no longer assigns here, such as a task cancelled on another
 * node.
 */
@Component
class LeaseKeeper extends RunUntilStopped {

    private final TaskQueue queue;
    private final RunningAttempts running;
    private final WorkerIdentity worker;
    private final ExecutionProperties properties;
    private final QueueProperties queueProperties;
    private final Clock clock;

    LeaseKeeper(
            TaskQueue queue,
            RunningAttempts running,
            WorkerIdentity worker,
            ExecutionProperties properties,
            QueueProperties queueProperties,
            Clock clock) {
        super("lease-keeper");
        this.queue = queue;
        this.running = running;
        this.worker = worker;
        this.properties = properties;
        this.queueProperties = queueProperties;
        this.clock = clock;
    }

    @Override
    boolean enabled() {
        return properties.enabled();
    }

    @Override
    void step() {
        running.keepOnly(queue.renewLeases(worker.id(), clock.instant().plus(queueProperties.lease())));
    }

    @Override
    void pause() throws InterruptedException {
        Thread.sleep(properties.heartbeatInterval());
    }
}
