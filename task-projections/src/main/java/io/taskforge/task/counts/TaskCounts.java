package io.taskforge.task.counts;

/**
 * How many tasks there are in each state.
 *
 * @param created tasks ever created, archived ones included
 * @param archived tasks retired by the retention clean-up; they count in no status below
 * @param inDlq failed tasks waiting in the dead letter queue
 * @param completedDurationMillis the summed run times (first attempt's start to completion) of every
 *     completion ever recorded, archived tasks included
 * @param completedRuns how many completions that sum covers
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
        long inDlq,
        long completedDurationMillis,
        long completedRuns) {

    /** Tasks not archived. */
    public long current() {
        return created - archived;
    }

    /** The average run time of completed tasks, in milliseconds; 0 before any completed. */
    public double averageCompletedMillis() {
        return completedRuns == 0 ? 0 : (double) completedDurationMillis / completedRuns;
    }

    /** Tasks that have not finished: pending, running or waiting for a retry. */
    public long active() {
        return pending + running + retryScheduled;
    }

    /** Tasks waiting to run: pending, or waiting for the time of a retry. */
    public long waiting() {
        return pending + retryScheduled;
    }

    /** Tasks that failed or timed out. */
    public long failedOrTimedOut() {
        return failed + timeout;
    }

    /** Completed tasks among those that completed, failed or timed out, in percent to two decimals; 0 before any. */
    public double successRate() {
        return percentOfFinished(completed);
    }

    /** Failed and timed-out tasks among those that completed, failed or timed out, in percent to two decimals. */
    public double failureRate() {
        return percentOfFinished(failedOrTimedOut());
    }

    private double percentOfFinished(long part) {
        long finished = completed + failedOrTimedOut();
        return finished == 0 ? 0 : Math.round(part * 10_000.0 / finished) / 100.0;
    }
}
