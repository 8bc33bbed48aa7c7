package io.taskforge.task.query;

import io.taskforge.task.TaskId;
import java.time.Instant;

/**
 * Ask for unarchived tasks that finished before {@code cutoff}, earliest first, one keyset page at a
 * time so that archiving a page while reading the next skips nothing.
 *
 * @param afterFinishedAt the finish time of the previous page's last task; null for the first page
 * @param afterTaskId the previous page's last task; null for the first page
 */
public record ListFinishedBeforeQuery(Instant cutoff, Instant afterFinishedAt, TaskId afterTaskId, int limit) {

    public static ListFinishedBeforeQuery firstPage(Instant cutoff, int limit) {
        return new ListFinishedBeforeQuery(cutoff, null, null, limit);
    }

    /** The page after the one that ended with {@code last}. */
    public ListFinishedBeforeQuery after(TaskView last) {
        return new ListFinishedBeforeQuery(cutoff, last.finishedAt(), last.taskId(), limit);
    }
}
