package io.taskforge.task.storage;

import io.taskforge.task.event.TaskEvent;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * What a read model gathers while its processor handles one batch of events, written once when the
 * batch commits: a few set-based statements instead of several round trips per event.
 *
 * <p>The scope is the current unit of work: the tracking processor's batch, in the transaction that
 * also stores its token; or one event's own unit of work when a failed batch is retried event by
 * event (the engine's isolating retries), so a write that fails still fails only that event.
 * Outside any unit of work the state is written as soon as it is changed.
 *
 * @param <S> what the read model keeps for the batch
 */
public final class BatchScope<S extends BatchScope.State> {

    /** A read model's state for one batch. */
    public interface State {

        /** Writes what the batch changed, just before it commits. */
        void write();
    }

    /** A state that reads what it knows of the batch's tasks before their events change it. */
    public interface Reading extends State {

        /** Reads what the batch needs to know of these tasks; called once for every task of the batch. */
        void load(Set<UUID> taskIds);
    }

    private final String key;
    private final Supplier<S> fresh;

    /**
     * @param owner the read model, which names the scope's resource
     * @param fresh a new, empty state
     */
    public BatchScope(Class<?> owner, Supplier<S> fresh) {
        this.key = owner.getName() + ".batch";
        this.fresh = fresh;
    }

    /** Changes the state of the batch that the current event, about {@code taskId}, belongs to. */
    public void change(UUID taskId, Consumer<S> change) {
        changeAbout(taskId, change);
    }

    /** Changes the state of the batch that the current event, about no task, belongs to. */
    public void change(Consumer<S> change) {
        changeAbout(null, change);
    }

    private void changeAbout(UUID taskId, Consumer<S> change) {
        if (!CurrentUnitOfWork.isStarted()) {
            S alone = fresh.get();
            if (alone instanceof Reading reading && taskId != null) {
                reading.load(Set.of(taskId));
            }
            change.accept(alone);
            alone.write();
            return;
        }
        UnitOfWork<?> unit = CurrentUnitOfWork.get();
        Scoped<S> scoped = unit.getOrComputeResource(key, name -> start(unit));
        if (scoped.state() instanceof Reading reading
                && taskId != null
                && scoped.loaded().add(taskId)) {
            reading.load(Set.of(taskId));
        }
        change.accept(scoped.state());
    }

    private Scoped<S> start(UnitOfWork<?> unit) {
        S state = fresh.get();
        Set<UUID> taskIds = new HashSet<>();
        if (state instanceof Reading reading) {
            taskIds.addAll(taskIdsOf(unit));
            if (!taskIds.isEmpty()) {
                reading.load(taskIds);
            }
        }
        unit.onPrepareCommit(committing -> state.write());
        return new Scoped<>(state, taskIds);
    }

    private static Set<UUID> taskIdsOf(UnitOfWork<?> unit) {
        List<? extends EventMessage<?>> events = unit instanceof BatchingUnitOfWork<?> batch
                ? batch.getMessages().stream()
                        .filter(EventMessage.class::isInstance)
                        .map(message -> (EventMessage<?>) message)
                        .toList()
                : unit.getMessage() instanceof EventMessage<?> event ? List.of(event) : List.of();
        Set<UUID> taskIds = new LinkedHashSet<>();
        for (EventMessage<?> event : events) {
            if (event.getPayload() instanceof TaskEvent taskEvent) {
                taskIds.add(taskEvent.taskId().value());
            }
        }
        return taskIds;
    }

    private record Scoped<S>(S state, Set<UUID> loaded) {}
}
