package io.taskforge.task.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskforge.task.TaskId;
import io.taskforge.task.event.AttemptFailedEvent;
import io.taskforge.task.event.AttemptStartedEvent;
import io.taskforge.task.event.MovedToDlqEvent;
import io.taskforge.task.event.RetryRequestedEvent;
import io.taskforge.task.event.TaskArchivedEvent;
import io.taskforge.task.event.TaskCancelledEvent;
import io.taskforge.task.event.TaskCompletedEvent;
import io.taskforge.task.event.TaskCreatedEvent;
import io.taskforge.task.event.TaskFailedEvent;
import io.taskforge.task.event.TaskProgressedEvent;
import io.taskforge.task.event.TaskRequeuedEvent;
import io.taskforge.task.event.TaskRetryScheduledEvent;
import io.taskforge.task.event.TaskTimedOutEvent;
import io.taskforge.task.processing.ProcessingGroups;
import io.taskforge.task.storage.BatchScope;
import io.taskforge.task.storage.InsertIfAbsent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps one row per task with its current state and answers task queries. Replaying from the
 * start rebuilds the same rows. A batch of events writes what it changes without reading the rows
 * first ({@link ViewWrites}); a new task is pushed to whoever waits for it.
 */
@Component
@ProcessingGroup(ProcessingGroups.TASK_VIEW)
class TaskViewProjection {

    private static final String CREATED_TASKS = TaskViewProjection.class.getName() + ".createdTasks";

    private final TaskViewRepository rows;
    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;
    private final QueryUpdateEmitter updates;
    private final BatchScope<ViewWrites> batches;

    TaskViewProjection(
            TaskViewRepository rows,
            EntityManager entityManager,
            JdbcTemplate jdbc,
            ObjectMapper json,
            QueryUpdateEmitter updates) {
        this.rows = rows;
        this.entityManager = entityManager;
        this.jdbc = jdbc;
        this.updates = updates;
        JsonMapConverter maps = new JsonMapConverter(json);
        Map<List<String>, InsertIfAbsent> inserts = new ConcurrentHashMap<>();
        Function<List<String>, InsertIfAbsent> newRows = columns -> inserts.computeIfAbsent(
                columns, set -> InsertIfAbsent.into(jdbc.getDataSource(), "task_view", set, List.of("task_id")));
        this.batches = new BatchScope<>(TaskViewProjection.class, () -> new ViewWrites(jdbc, maps, newRows));
    }

    @EventHandler
    void on(TaskCreatedEvent event) {
        UUID taskId = event.taskId().value();
        batches.change(
                taskId,
                batch -> batch.create(
                        taskId,
                        ViewRowChange.created(event.taskId(), event.number(), event.definition(), event.occurredAt())));
        publish(event.taskId(), event.number());
    }

    @EventHandler
    void on(AttemptStartedEvent event) {
        change(event.taskId(), row -> row.attemptStarted(event.attempt(), event.workerId(), event.occurredAt()));
    }

    @EventHandler
    void on(TaskProgressedEvent event) {
        change(event.taskId(), row -> row.progressed(event.percent(), event.message(), event.occurredAt()));
    }

    @EventHandler
    void on(AttemptFailedEvent event) {
        change(event.taskId(), row -> row.attemptFailed(event.error(), event.occurredAt()));
    }

    @EventHandler
    void on(TaskRetryScheduledEvent event) {
        change(event.taskId(), row -> row.retryScheduled(event.dueAt(), event.occurredAt()));
    }

    @EventHandler
    void on(TaskCompletedEvent event) {
        change(event.taskId(), row -> row.completed(event.result(), event.occurredAt()));
    }

    @EventHandler
    void on(TaskFailedEvent event) {
        change(event.taskId(), row -> row.failed(event.error(), event.occurredAt()));
    }

    @EventHandler
    void on(MovedToDlqEvent event) {
        change(event.taskId(), row -> row.movedToDlq(event.occurredAt()));
    }

    @EventHandler
    void on(TaskCancelledEvent event) {
        change(event.taskId(), row -> row.cancelled(event.occurredAt()));
    }

    @EventHandler
    void on(TaskTimedOutEvent event) {
        change(event.taskId(), row -> row.timedOut(event.occurredAt()));
    }

    @EventHandler
    void on(RetryRequestedEvent event) {
        if (event.input() != null) {
            change(event.taskId(), row -> row.inputEdited(event.input(), event.occurredAt()));
        }
    }

    @EventHandler
    void on(TaskRequeuedEvent event) {
        change(event.taskId(), row -> row.requeued(event.occurredAt()));
    }

    @EventHandler
    void on(TaskArchivedEvent event) {
        change(event.taskId(), row -> row.archived(event.occurredAt()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM task_view");
    }

    @QueryHandler
    Optional<TaskView> handle(FindTaskQuery query) {
        return rows.findById(query.taskId().value()).map(TaskViewRow::toView);
    }

    @QueryHandler
    List<TaskView> handle(FindTasksQuery query) {
        return rows.findAllById(query.taskIds().stream().map(TaskId::value).toList()).stream()
                .map(TaskViewRow::toView)
                .toList();
    }

    @QueryHandler
    Optional<TaskView> handle(FindTaskByNumberQuery query) {
        return rows.findByNumber(query.number()).map(TaskViewRow::toView);
    }

    @QueryHandler
    List<TaskView> handle(ListTasksQuery query) {
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();
        CriteriaQuery<TaskViewRow> select = builder.createQuery(TaskViewRow.class);
        Root<TaskViewRow> root = select.from(TaskViewRow.class);
        select.where(matching(query, root, builder))
                .orderBy(builder.desc(root.get("createdAt")), builder.desc(root.get("taskId")));
        return entityManager
                .createQuery(select)
                .setFirstResult(query.offset())
                .setMaxResults(query.limit())
                .getResultList()
                .stream()
                .map(TaskViewRow::toView)
                .toList();
    }

    private void change(TaskId taskId, Consumer<ViewRowChange> transition) {
        batches.change(taskId.value(), batch -> transition.accept(batch.change(taskId.value())));
    }

    /**
     * Pushes a new task to whoever waits for it, once the batch that created it is committed: a
     * reader that subscribes meanwhile either finds the committed row or receives the update. The
     * row is read back only when someone waits for it.
     */
    private void publish(TaskId taskId, Long number) {
        if (!CurrentUnitOfWork.isStarted()) {
            emitIfAwaited(taskId, number);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Map<TaskId, Long> created = batch.getOrComputeResource(CREATED_TASKS, key -> {
            Map<TaskId, Long> tasks = new LinkedHashMap<>();
            batch.afterCommit(committed -> tasks.forEach(this::emitIfAwaited));
            return tasks;
        });
        created.put(taskId, number);
    }

    private void emitIfAwaited(TaskId taskId, Long number) {
        boolean awaited = updates.activeSubscriptions().stream()
                .map(SubscriptionQueryMessage::getPayload)
                .anyMatch(query ->
                        query instanceof FindTaskQuery byId && byId.taskId().equals(taskId)
                                || query instanceof FindTaskByNumberQuery byNumber
                                        && Objects.equals(byNumber.number(), number));
        if (awaited) {
            rows.findById(taskId.value()).map(TaskViewRow::toView).ifPresent(view -> {
                updates.emit(FindTaskQuery.class, query -> query.taskId().equals(taskId), view);
                updates.emit(FindTaskByNumberQuery.class, query -> Objects.equals(query.number(), number), view);
            });
        }
    }

    private static Predicate[] matching(ListTasksQuery query, Root<TaskViewRow> root, CriteriaBuilder builder) {
        List<Predicate> predicates = new ArrayList<>();
        if (query.statuses() != null && !query.statuses().isEmpty()) {
            predicates.add(root.get("status").in(query.statuses()));
        }
        if (query.type() != null) {
            predicates.add(builder.equal(root.get("type"), query.type()));
        }
        if (query.problemId() != null) {
            predicates.add(builder.equal(root.get("problemId"), query.problemId()));
        }
        if (query.workerId() != null) {
            predicates.add(builder.equal(root.get("workerId"), query.workerId()));
        }
        if (query.owner() != null) {
            predicates.add(builder.equal(root.get("owner"), query.owner()));
        }
        if (!query.includeArchived()) {
            predicates.add(builder.isFalse(root.get("archived")));
        }
        return predicates.toArray(Predicate[]::new);
    }
}
