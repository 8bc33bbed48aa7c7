package io.taskforge.task.counts;

import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
import io.taskforge.task.counts.CountsBatch.CountState;
import io.taskforge.task.event.AttemptStartedEvent;
import io.taskforge.task.event.MovedToDlqEvent;
import io.taskforge.task.event.TaskArchivedEvent;
import io.taskforge.task.event.TaskCancelledEvent;
import io.taskforge.task.event.TaskCompletedEvent;
import io.taskforge.task.event.TaskCreatedEvent;
import io.taskforge.task.event.TaskFailedEvent;
import io.taskforge.task.event.TaskRequeuedEvent;
import io.taskforge.task.event.TaskRetryScheduledEvent;
import io.taskforge.task.event.TaskTimedOutEvent;
import io.taskforge.task.processing.ProcessingGroups;
import io.taskforge.task.storage.BatchScope;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps one counter per status (plus created, archived and dead-lettered) and each task's current
 * status, to know which counters a transition moves. Runs in one segment: the counter rows are
 * shared by every task, and a single writer keeps their updates free of lock contention. A batch of
 * events reads its tasks' states in one query and writes each changed row and counter once.
 */
@Component
@ProcessingGroup(ProcessingGroups.TASK_COUNTS)
class TaskCountsProjection {

    private static final String CREATED = "CREATED";
    private static final String ARCHIVED = "ARCHIVED";
    private static final String IN_DLQ = "IN_DLQ";
    private static final String COMPLETED_MS = "COMPLETED_MS";
    private static final String COMPLETED_RUNS = "COMPLETED_RUNS";

    private final JdbcTemplate jdbc;
    private final BatchScope<CountsBatch> batches;

    TaskCountsProjection(JdbcTemplate jdbc, NamedParameterJdbcTemplate namedJdbc) {
        this.jdbc = jdbc;
        this.batches = new BatchScope<>(TaskCountsProjection.class, () -> new CountsBatch(namedJdbc));
    }

    @EventHandler
    void on(TaskCreatedEvent event) {
        UUID taskId = event.taskId().value();
        batches.change(taskId, batch -> {
            if (batch.state(taskId) == null) {
                batch.create(taskId);
                batch.add(CREATED, 1);
                batch.add(TaskStatus.PENDING.name(), 1);
            }
        });
    }

    @EventHandler
    void on(AttemptStartedEvent event) {
        move(event.taskId(), TaskStatus.RUNNING);
    }

    @EventHandler
    void on(TaskRetryScheduledEvent event) {
        move(event.taskId(), TaskStatus.RETRY_SCHEDULED);
    }

    @EventHandler
    void on(TaskCompletedEvent event) {
        batches.change(event.taskId().value(), batch -> {
            if (move(batch, event.taskId().value(), TaskStatus.COMPLETED)) {
                batch.add(COMPLETED_MS, event.durationMillis());
                batch.add(COMPLETED_RUNS, 1);
            }
        });
    }

    @EventHandler
    void on(TaskFailedEvent event) {
        move(event.taskId(), TaskStatus.FAILED);
    }

    @EventHandler
    void on(TaskTimedOutEvent event) {
        move(event.taskId(), TaskStatus.TIMEOUT);
    }

    @EventHandler
    void on(TaskCancelledEvent event) {
        move(event.taskId(), TaskStatus.CANCELLED);
    }

    @EventHandler
    void on(MovedToDlqEvent event) {
        UUID taskId = event.taskId().value();
        batches.change(taskId, batch -> {
            CountState state = batch.state(taskId);
            if (state != null && !state.inDlq()) {
                batch.update(taskId, state.withInDlq(true));
                batch.add(IN_DLQ, 1);
            }
        });
    }

    @EventHandler
    void on(TaskRequeuedEvent event) {
        UUID taskId = event.taskId().value();
        batches.change(taskId, batch -> {
            CountState state = batch.state(taskId);
            if (state != null && state.inDlq()) {
                batch.update(taskId, state.withInDlq(false));
                batch.add(IN_DLQ, -1);
            }
            move(batch, taskId, TaskStatus.PENDING);
        });
    }

    @EventHandler
    void on(TaskArchivedEvent event) {
        UUID taskId = event.taskId().value();
        batches.change(taskId, batch -> {
            CountState state = batch.state(taskId);
            if (state != null && !state.archived()) {
                batch.update(taskId, state.asArchived());
                batch.add(state.status(), -1);
                batch.add(ARCHIVED, 1);
            }
        });
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM task_count_state");
        jdbc.update("UPDATE task_count SET tasks = 0");
    }

    @QueryHandler
    TaskCounts handle(TaskCountsQuery query) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT counter, tasks FROM task_count", row -> {
            counts.put(row.getString("counter"), row.getLong("tasks"));
        });
        return new TaskCounts(
                counts.getOrDefault(CREATED, 0L),
                counts.getOrDefault(ARCHIVED, 0L),
                counts.getOrDefault(TaskStatus.PENDING.name(), 0L),
                counts.getOrDefault(TaskStatus.RUNNING.name(), 0L),
                counts.getOrDefault(TaskStatus.RETRY_SCHEDULED.name(), 0L),
                counts.getOrDefault(TaskStatus.COMPLETED.name(), 0L),
                counts.getOrDefault(TaskStatus.FAILED.name(), 0L),
                counts.getOrDefault(TaskStatus.TIMEOUT.name(), 0L),
                counts.getOrDefault(TaskStatus.CANCELLED.name(), 0L),
                counts.getOrDefault(IN_DLQ, 0L),
                counts.getOrDefault(COMPLETED_MS, 0L),
                counts.getOrDefault(COMPLETED_RUNS, 0L));
    }

    private void move(TaskId taskId, TaskStatus next) {
        batches.change(taskId.value(), batch -> move(batch, taskId.value(), next));
    }

    /**
     * Moves the task to {@code next}, shifting one count from its old status; false, changing
     * nothing, when it is there already or archived.
     */
    private static boolean move(CountsBatch batch, UUID taskId, TaskStatus next) {
        CountState state = batch.state(taskId);
        if (state == null || state.archived() || state.status().equals(next.name())) {
            return false;
        }
        batch.update(taskId, state.withStatus(next.name()));
        batch.add(state.status(), -1);
        batch.add(next.name(), 1);
        return true;
    }
}
