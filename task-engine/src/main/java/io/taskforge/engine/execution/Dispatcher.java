package io.taskforge.engine.execution;

import io.taskforge.engine.queue.ClaimedTask;
import io.taskforge.engine.queue.QueueProperties;
import io.taskforge.engine.queue.QueueSignal;
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

    private final AttemptLifecycle lifecycle;
    private final QueueSignal signal;
    private final AttemptRunner runner;
    private final TaskHandlers handlers;
    private final ExecutionProperties properties;
    private final WorkerIdentity worker;
    private final QueueProperties queueProperties;
    private final Clock clock;

    Dispatcher(
            AttemptLifecycle lifecycle,
            QueueSignal signal,
            AttemptRunner runner,
            TaskHandlers handlers,
            ExecutionProperties properties,
            WorkerIdentity worker,
            QueueProperties queueProperties,
            Clock clock) {
        super("dispatcher");
        this.lifecycle = lifecycle;
        this.signal = signal;
        this.runner = runner;
        this.handlers = handlers;
        this.properties = properties;
        this.worker = worker;
        this.queueProperties = queueProperties;
        this.clock = clock;
    }

    @Override
    protected void step() {
        runner.releaseClaimedBefore(
                clock.instant().minus(queueProperties.claimTimeout().dividedBy(2)));
        List<ClaimedTask> claimed = lifecycle.claim(worker.id(), handlers.types(), runner.wants());
        runner.accept(claimed);
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
