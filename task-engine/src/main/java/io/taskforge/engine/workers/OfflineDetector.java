package io.taskforge.engine.workers;

import io.taskforge.engine.execution.RunUntilStopped;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Takes workers offline that were not heard of for {@code taskforge.workers.offline-after}, and
 * hands their running attempts back for a retry elsewhere. Every node looks; the Worker aggregate
 * accepts only the first.
 */
@Component
class OfflineDetector extends RunUntilStopped {

    private final WorkerLiveness liveness;
    private final ExternalWorkers workers;
    private final WorkerProperties properties;
    private final Clock clock;

    OfflineDetector(WorkerLiveness liveness, ExternalWorkers workers, WorkerProperties properties, Clock clock) {
        super("worker-offline-detector");
        this.liveness = liveness;
        this.workers = workers;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void step() {
        for (Liveness silent : liveness.silentSince(clock.instant().minus(properties.offlineAfter()))) {
            workers.goOffline(
                    silent.workerId(),
                    "no heartbeat for " + properties.offlineAfter().toSeconds() + " s",
                    silent.lastHeartbeat());
        }
    }

    @Override
    protected void pause() throws InterruptedException {
        Thread.sleep(properties.checkInterval());
    }
}
