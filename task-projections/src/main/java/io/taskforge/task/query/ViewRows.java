package io.taskforge.task.query;

import io.taskforge.task.storage.BatchScope;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The task view's rows one batch of events changes: read in one query when the batch starts,
 * changed in memory by the projection's transitions, and flushed by Hibernate, as one JDBC batch,
 * before the batch commits.
 */
final class ViewRows implements BatchScope.State {

    private final EntityManager entityManager;
    private final Map<UUID, TaskViewRow> rows = new HashMap<>();

    ViewRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    Optional<TaskViewRow> row(UUID taskId) {
        return Optional.ofNullable(rows.get(taskId));
    }

    void add(TaskViewRow row) {
        entityManager.persist(row);
        rows.put(row.taskId().value(), row);
    }

    @Override
    public void load(Set<UUID> taskIds) {
        entityManager
                .createQuery("SELECT r FROM TaskViewRow r WHERE r.taskId IN :ids", TaskViewRow.class)
                .setParameter("ids", taskIds)
                .getResultList()
                .forEach(row -> rows.put(row.taskId().value(), row));
    }

    @Override
    public void write() {
        entityManager.flush();
    }
}
