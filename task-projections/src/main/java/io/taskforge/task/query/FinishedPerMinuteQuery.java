package io.taskforge.task.query;

import java.time.Instant;

/**
 * Ask how many tasks finished in each minute from {@code since} up to {@code until}, by category and
 * final status; archived tasks are left out. Answered with a list of {@link FinishedCount}, only the
 * minutes, categories and statuses that had any.
 *
 * @param owner only this owner's tasks; null for every owner's
 */
public record FinishedPerMinuteQuery(Instant since, Instant until, String owner) {

    public FinishedPerMinuteQuery(Instant since, Instant until) {
        this(since, until, null);
    }

    /** The same window over one owner's tasks. */
    public FinishedPerMinuteQuery ownedBy(String owner) {
        return new FinishedPerMinuteQuery(since, until, owner);
    }
}
