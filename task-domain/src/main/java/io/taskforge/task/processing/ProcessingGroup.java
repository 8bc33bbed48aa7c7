package io.taskforge.task.processing;

/**
 * One event processing group and how it runs.
 *
 * @param subscribing true when its handlers run inside the transaction that stores the events (the
 *     queue, the idempotency keys and the workers' liveness, which must never disagree with the event
 *     store); false for a
 *     tracking processor that follows the event store with its own token and can be replayed
 * @param segments how many segments (and threads) a tracking processor splits its work into
 * @param gathersBatches true for a read model that may trail its events by a few milliseconds to
 *     apply them in fuller batches; false for one that requests wait on (the task view, which a
 *     submission waits for) and for the subscribing groups
 */
public record ProcessingGroup(String name, boolean subscribing, int segments, boolean gathersBatches) {

    /** Events a tracking processor handles in one transaction. */
    public static final int BATCH_SIZE = 100;

    static ProcessingGroup subscribing(String name) {
        return new ProcessingGroup(name, true, 1, false);
    }

    /** A read model that requests wait on: it applies whatever events have arrived at once. */
    static ProcessingGroup prompt(String name, int segments) {
        return new ProcessingGroup(name, false, segments, false);
    }

    /** A read model that gathers its events into fuller batches. */
    static ProcessingGroup gathering(String name, int segments) {
        return new ProcessingGroup(name, false, segments, true);
    }

    public boolean replayable() {
        return !subscribing;
    }
}
