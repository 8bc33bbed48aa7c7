package io.taskforge.task.counts;

/**
 * How many tasks there are in each state.
 *
 * @param created tasks ever created, archived ones included
 * @param archived tasks retired by the retention clean-up; they count in no status below
 * @param inDlq failed tasks waiting in the dead letter queue
 */
public record TaskCounts(
        long created,
        long archived,
        long pending,
        long running,
        long retryScheduled,
        long completed,
        long failed,
        long timeout,
        long cancelled,
        long inDlq) {

    /** Tasks not archived. */
    public long current() {
        return created - archived;
    }

    /** Tasks that have not finished: pending, running or waiting for a retry. */
    public long active() {
        return pending + running + retryScheduled;
    }
}
