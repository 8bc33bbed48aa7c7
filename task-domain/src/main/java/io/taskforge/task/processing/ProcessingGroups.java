package io.taskforge.task.processing;

import java.util.List;
import java.util.Optional;

/**
 * Every event processing group of the engine: the one place their names are spelled, used by the
 * handlers' {@code @ProcessingGroup} annotations, the processor configuration and the read models'
 * replay. Constants, because annotations need them.
 */
public final class ProcessingGroups {

    public static final String TASK_QUEUE = "task-queue";
    public static final String IDEMPOTENCY_KEYS = "idempotency-keys";
    public static final String TASK_VIEW = "task-view";
    public static final String TASK_TIMELINE = "task-timeline";
    public static final String TASK_ATTEMPTS = "task-attempts";
    public static final String TASK_DLQ = "task-dlq";
    public static final String TASK_LOG = "task-log";
    public static final String TASK_COUNTS = "task-counts";
    public static final String FALLBACK_CHAINS = "fallback-chains";
    public static final String ALERT_OUTBOX = "alert-outbox";
    public static final String TELEMETRY = "telemetry";
    public static final String WORKER_LIVENESS = "worker-liveness";
    public static final String WORKERS = "workers";
    public static final String TASK_CACHE = "task-cache";

    /** Every group, in the order they are configured. */
    public static final List<ProcessingGroup> ALL = List.of(
            ProcessingGroup.subscribing(TASK_QUEUE),
            ProcessingGroup.subscribing(IDEMPOTENCY_KEYS),
            // the chains the Task aggregate matches failures against: never behind their events
            ProcessingGroup.subscribing(FALLBACK_CHAINS),
            // alerts to deliver are stored with the event that raises them
            ProcessingGroup.subscribing(ALERT_OUTBOX),
            // counters move on the node that decided, once its transaction commits
            ProcessingGroup.subscribing(TELEMETRY),
            ProcessingGroup.subscribing(WORKER_LIVENESS),
            // a finished task leaves the aggregate cache once its transaction commits
            ProcessingGroup.subscribing(TASK_CACHE),
            ProcessingGroup.tracking(TASK_VIEW, 2),
            ProcessingGroup.tracking(TASK_TIMELINE, 2),
            ProcessingGroup.tracking(TASK_ATTEMPTS, 1),
            // the dead letter queue and the alerts its arrivals raise: one processor reads the events for both
            ProcessingGroup.tracking(TASK_DLQ, 1),
            ProcessingGroup.tracking(TASK_LOG, 1),
            // one segment: every event updates the same few counter rows
            ProcessingGroup.tracking(TASK_COUNTS, 1),
            // one segment: a worker's counts follow the attempts of many tasks
            ProcessingGroup.tracking(WORKERS, 1));

    private ProcessingGroups() {}

    /** The groups that keep a replayable read model. */
    public static List<ProcessingGroup> readModels() {
        return ALL.stream().filter(ProcessingGroup::replayable).toList();
    }

    public static Optional<ProcessingGroup> named(String name) {
        return ALL.stream().filter(group -> group.name().equals(name)).findFirst();
    }
}
