package io.taskforge.worker.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.taskforge.worker.WorkerId;
import io.taskforge.worker.event.WorkerRegisteredEvent;
import io.taskforge.worker.event.WorkerWentOfflineEvent;
import java.time.Clock;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One external worker's registrations and status changes. Heartbeats are not events: they renew
 * the worker's liveness row and its leases only, so that they never flood the event store.
 */
public class Worker {

    /** What a worker may call its backend: 1 to 100 letters, digits, spaces and {@code . _ : @ / + -}. */
    private static final Pattern BACKEND_TYPE = Pattern.compile("[\\p{L}\\p{N}._:@/+ -]{1,100}");

    @AggregateIdentifier
    private WorkerId workerId;

    private boolean registered;
    private boolean online;

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterWorkerCommand command, Clock clock) {
        String backendType = command.backendType();
        if (backendType == null
                || backendType.isBlank()
                || !BACKEND_TYPE.matcher(backendType).matches()) {
            throw new WorkerRuleViolationException(
                    command.workerId(),
                    WorkerRule.INVALID_VALUE,
                    "backend_type must be 1 to 100 letters, digits, spaces or . _ : @ / + -");
        }
        apply(new WorkerRegisteredEvent(
                command.workerId(), backendType, command.capabilities(), !registered, clock.instant()));
    }

    @CommandHandler
    void handle(MarkWorkerOfflineCommand command, Clock clock) {
        if (!online) {
            throw new WorkerRuleViolationException(
                    workerId, WorkerRule.ALREADY_OFFLINE, "the worker is offline already");
        }
        apply(new WorkerWentOfflineEvent(workerId, command.reason(), command.lastHeartbeatAt(), clock.instant()));
    }

    @EventSourcingHandler
    void on(WorkerRegisteredEvent event) {
        workerId = event.workerId();
        registered = true;
        online = true;
    }

    @EventSourcingHandler
    void on(WorkerWentOfflineEvent event) {
        online = false;
    }

    /** Axon creates an empty aggregate through this constructor before replaying its events. */
    protected Worker() {}
}
