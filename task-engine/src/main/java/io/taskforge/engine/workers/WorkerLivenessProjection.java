package io.taskforge.engine.workers;

import io.taskforge.task.processing.ProcessingGroups;
import io.taskforge.worker.event.WorkerRegisteredEvent;
import io.taskforge.worker.event.WorkerWentOfflineEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code worker_liveness} in step with the workers' events, inside the transaction that
 * stores them: a worker may claim the moment its registration is stored, and never after it went
 * offline.
 */
@Component
@ProcessingGroup(ProcessingGroups.WORKER_LIVENESS)
class WorkerLivenessProjection {

    private final WorkerLiveness liveness;

    WorkerLivenessProjection(WorkerLiveness liveness) {
        this.liveness = liveness;
    }

    @EventHandler
    void on(WorkerRegisteredEvent event) {
        liveness.registered(event.workerId(), event.capabilities(), event.occurredAt());
    }

    @EventHandler
    void on(WorkerWentOfflineEvent event) {
        liveness.wentOffline(event.workerId());
    }
}
