package io.taskforge.execution;

import io.taskforge.queue.ClaimedTask;
import io.taskforge.queue.ConcurrencyLimits;
import io.taskforge.queue.QueueProperties;
import io.taskforge.queue.QueueSignal;
import io.taskforge.queue.TaskQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Claims due work from the queue as this node's workers free up, and hands it to the runner.
 * Woken by new work and freed slots; polls as a fallback, which also catches retries falling due.
 */
@Component
class Dispatcher extends RunUntilStopped {

    /** How long running attempts may finish when the node shuts down before they are abandoned to their leases. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final TaskQueue queue;
    private final QueueSignal signal;
    private final AttemptRunner runner;
    private final TaskHandlers handlers;
    private final ConcurrencyLimits limits;
    private final ExecutionProperties properties;
    private final QueueProperties queueProperties;
    private final WorkerIdentity worker;
    private final Clock clock;

    Dispatcher(
            TaskQueue queue,
            QueueSignal signal,
            AttemptRunner runner,
            TaskHandlers handlers,
            ConcurrencyLimits limits,
            ExecutionProperties properties,
            QueueProperties queueProperties,
            WorkerIdentity worker,
            Clock clock) {
        super("dispatcher");
        this.queue = queue;
        this.signal = signal;
        this.runner = runner;
        this.handlers = handlers;
        this.limits = limits;
        this.properties = properties;
        this.queueProperties = queueProperties;
        this.worker = worker;
        this.clock = clock;
    }

    @Override
    protected boolean enabled() {
        return properties.enabled();
    }

    @Override
    protected void step() {
        List<ClaimedTask> claimed = queue.claim(
                worker.id(),
                handlers.types(),
                runner.freeSlots(),
                limits,
                clock.instant(),
                queueProperties.claimTimeout());
        claimed.forEach(runner::launch);
    }

    @Override
    protected void pause() throws InterruptedException {
        signal.await(properties.pollInterval());
    }

    @Override
    public void stop() {
        super.stop();
        try {
            runner.shutdown(SHUTDOWN_GRACE);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
