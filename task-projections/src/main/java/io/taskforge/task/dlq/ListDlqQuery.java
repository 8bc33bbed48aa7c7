package io.taskforge.task.dlq;

/**
 * Ask for dead-lettered tasks, most recent first.
 *
 * @param status null for all
 * @param agent matches the task's provider or type; null for all
 * @param owner only this owner's tasks; null for every owner's
 */
public record ListDlqQuery(DlqStatus status, String agent, int limit, int offset, String owner) {

    public ListDlqQuery(DlqStatus status, String agent, int limit, int offset) {
        this(status, agent, limit, offset, null);
    }

    /** The same page of one owner's tasks. */
    public ListDlqQuery ownedBy(String owner) {
        return new ListDlqQuery(status, agent, limit, offset, owner);
    }
}
