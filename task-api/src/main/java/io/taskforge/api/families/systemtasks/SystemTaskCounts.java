package io.taskforge.api.families.systemtasks;

import io.taskforge.task.counts.TaskCounts;

/**
 * The task counts seed 000 reports.
 *
 * @param total tasks ever created, archived ones included
 * @param active tasks running now
 * @param failed tasks that failed or timed out (archived ones excluded)
 * @param cancelled tasks that were cancelled (archived ones excluded)
 */
record SystemTaskCounts(long total, long active, long failed, long cancelled) {

    static SystemTaskCounts of(TaskCounts counts) {
        return new SystemTaskCounts(counts.created(), counts.running(), counts.failedOrTimedOut(), counts.cancelled());
    }

    /** The one-line form, such as {@code Total: 8 | Active: 7 | Failed: 0 | Cancelled: 1}. */
    String summary() {
        return "Total: " + total + " | Active: " + active + " | Failed: " + failed + " | Cancelled: " + cancelled;
    }
}
