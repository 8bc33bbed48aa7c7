package io.taskforge.task.query;

/**
 * Ask for a page of running tasks, the oldest (by creation) first.
 *
 * @param owner only this owner's tasks; null for every owner's
 */
public record ListRunningTasksQuery(int limit, int offset, String owner) {

    public ListRunningTasksQuery(int limit, int offset) {
        this(limit, offset, null);
    }

    /** The same page of one owner's tasks. */
    public ListRunningTasksQuery ownedBy(String owner) {
        return new ListRunningTasksQuery(limit, offset, owner);
    }
}
