package io.taskforge.task.query;

import io.taskforge.task.TaskCategory;
import io.taskforge.task.TaskStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Counts finished tasks per minute in the database, over the index of finish times (migration
 * {@code V7__seed_000_001}), so that a chart of the last hour reads a few hundred numbers rather than
 * every task of that hour.
 */
@Component
class TaskViewThroughput {

    private final EntityManager entityManager;

    TaskViewThroughput(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @QueryHandler
    List<FinishedCount> handle(FinishedPerMinuteQuery query) {
        String owner = query.owner() == null ? "" : " AND t.owner = :owner";
        TypedQuery<Object[]> select = entityManager
                .createQuery(
                        "SELECT trunc(t.finishedAt, minute), t.category, t.status, count(t) FROM TaskViewRow t"
                                + " WHERE t.archived = false AND t.finishedAt IS NOT NULL"
                                + " AND t.finishedAt >= :since AND t.finishedAt < :until" + owner
                                + " GROUP BY trunc(t.finishedAt, minute), t.category, t.status",
                        Object[].class)
                .setParameter("since", query.since())
                .setParameter("until", query.until());
        if (query.owner() != null) {
            select.setParameter("owner", query.owner());
        }
        return select.getResultList().stream().map(TaskViewThroughput::count).toList();
    }

    private static FinishedCount count(Object[] row) {
        return new FinishedCount(
                (Instant) row[0], (TaskCategory) row[1], (TaskStatus) row[2], ((Number) row[3]).longValue());
    }
}
