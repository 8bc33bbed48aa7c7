package io.taskforge.task.query;

/**
 * Ask for a page of failed and timed-out tasks that are not archived, the most recent failure first.
 *
 * @param owner only this owner's tasks; null for every owner's
 */
public record ListFailedTasksQuery(int limit, int offset, String owner) {

    public ListFailedTasksQuery(int limit, int offset) {
        this(limit, offset, null);
    }

    /** The same page of one owner's tasks. */
    public ListFailedTasksQuery ownedBy(String owner) {
        return new ListFailedTasksQuery(limit, offset, owner);
    }
}
