package io.taskforge.task.processing;

/**
 * One event processing group and how it runs.
 *
 * @param subscribing true when its handlers run inside the transaction that stores the events (the
 *     queue, the idempotency keys and the workers' liveness, which must never disagree with the event
 *     store); false for a
 *     tracking processor that follows the event store with its own token and can be replayed
 * @param segments how many segments (and threads) a tracking processor splits its work into
 */
public record ProcessingGroup(String name, boolean subscribing, int segments) {

    /** Events a tracking processor handles in one transaction. */
    public static final int BATCH_SIZE = 100;

    static ProcessingGroup subscribing(String name) {
        return new ProcessingGroup(name, true, 1);
    }

    static ProcessingGroup tracking(String name, int segments) {
        return new ProcessingGroup(name, false, segments);
    }

    public boolean replayable() {
        return !subscribing;
    }
}
