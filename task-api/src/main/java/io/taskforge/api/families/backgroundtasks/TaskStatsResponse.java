package io.taskforge.api.families.backgroundtasks;

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
        return new TaskStatsResponse(
                counts.current(),
                counts.running(),
                counts.waiting(),
                counts.completed(),
                counts.failedOrTimedOut(),
                counts.successRate());
    }
}
