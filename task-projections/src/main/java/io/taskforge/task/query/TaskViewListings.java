package io.taskforge.task.query;

import io.taskforge.task.TaskStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers the monitoring lists of the task view besides {@link ListTasksQuery} (running tasks oldest
 * first, failures by when they happened, finished tasks due for archiving), each in an order that an
 * index serves (migration {@code V7__seed_000_001}).
 */
@Component
class TaskViewListings {

    private final EntityManager entityManager;

    TaskViewListings(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @QueryHandler
    List<TaskView> handle(ListRunningTasksQuery query) {
        TypedQuery<TaskViewRow> select = entityManager
                .createQuery(
                        "SELECT t FROM TaskViewRow t WHERE t.status = :status" + ownedBy(query.owner())
                                + " ORDER BY t.createdAt ASC, t.taskId ASC",
                        TaskViewRow.class)
                .setParameter("status", TaskStatus.RUNNING);
        return page(owner(select, query.owner()), query.limit(), query.offset());
    }

    @QueryHandler
    List<TaskView> handle(ListFailedTasksQuery query) {
        TypedQuery<TaskViewRow> select = entityManager
                .createQuery(
                        "SELECT t FROM TaskViewRow t"
                                + " WHERE t.status IN :statuses AND t.archived = false AND t.finishedAt IS NOT NULL"
                                + ownedBy(query.owner())
                                + " ORDER BY t.finishedAt DESC, t.taskId DESC",
                        TaskViewRow.class)
                .setParameter("statuses", TaskStatus.FAILED_OR_TIMED_OUT);
        return page(owner(select, query.owner()), query.limit(), query.offset());
    }

    /** The condition a list of one owner's tasks adds; a parameter that is never null, for PostgreSQL's sake. */
    private static String ownedBy(String owner) {
        return owner == null ? "" : " AND t.owner = :owner";
    }

    private static TypedQuery<TaskViewRow> owner(TypedQuery<TaskViewRow> select, String owner) {
        return owner == null ? select : select.setParameter("owner", owner);
    }

    @QueryHandler
    List<TaskView> handle(ListFinishedBeforeQuery query) {
        boolean firstPage = query.afterFinishedAt() == null || query.afterTaskId() == null;
        String after = firstPage
                ? ""
                : " AND t.finishedAt >= :afterFinishedAt"
                        + " AND (t.finishedAt > :afterFinishedAt OR t.taskId > :afterTaskId)";
        TypedQuery<TaskViewRow> select = entityManager
                .createQuery(
                        "SELECT t FROM TaskViewRow t WHERE t.status IN :statuses AND t.archived = false"
                                + " AND t.finishedAt IS NOT NULL AND t.finishedAt < :cutoff"
                                + after
                                + " ORDER BY t.finishedAt ASC, t.taskId ASC",
                        TaskViewRow.class)
                .setParameter("statuses", TaskStatus.FINISHED)
                .setParameter("cutoff", query.cutoff());
        if (!firstPage) {
            select.setParameter("afterFinishedAt", query.afterFinishedAt())
                    .setParameter("afterTaskId", query.afterTaskId().value());
        }
        return page(select, query.limit(), 0);
    }

    private static List<TaskView> page(TypedQuery<TaskViewRow> select, int limit, int offset) {
        return select.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(TaskViewRow::toView)
                .toList();
    }
}
