package io.taskforge.monitoring;

import io.taskforge.task.counts.TaskCounts;

/**
 * Seed 001's task statistics.
 *
 * @param totalTasks tasks not archived by the clean-up
 * @param pendingTasks tasks waiting to run, retries scheduled included
 * @param failedTasks tasks that failed or timed out
 * @param successRate completed tasks among those that completed, failed or timed out, in percent to
 *     two decimals; 0 before any finished
 */
record TaskStatsResponse(
        long totalTasks,
        long runningTasks,
        long pendingTasks,
        long completedTasks,
        long failedTasks,
        double successRate) {

    static TaskStatsResponse of(TaskCounts counts) {
        long failed = counts.failed() + counts.timeout();
        return new TaskStatsResponse(
                counts.current(),
                counts.running(),
                counts.pending() + counts.retryScheduled(),
                counts.completed(),
                failed,
                successRate(counts.completed(), failed));
    }

    static double successRate(long completed, long failed) {
        long finished = completed + failed;
        return finished == 0 ? 0 : Math.round(completed * 10_000.0 / finished) / 100.0;
    }
}
