package io.taskforge.task.counts;

import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps one counter per status (plus created, archived and dead-lettered) and each task's current
 * status, to know which counters a transition moves. Runs in one segment: the counter rows are
 * shared by every task, and a single writer keeps their updates free of lock contention.
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

    TaskCountsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TaskCreatedEvent event) {
        int inserted = jdbc.update(
                "INSERT INTO task_count_state (task_id, status, in_dlq, archived) SELECT ?, 'PENDING', FALSE, FALSE"
                        + " WHERE NOT EXISTS (SELECT 1 FROM task_count_state WHERE task_id = ?)",
                event.taskId().value(),
                event.taskId().value());
        if (inserted == 1) {
            add(CREATED, 1);
            add(TaskStatus.PENDING.name(), 1);
        }
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
        if (move(event.taskId(), TaskStatus.COMPLETED)) {
            add(COMPLETED_MS, event.durationMillis());
            add(COMPLETED_RUNS, 1);
        }
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
        if (jdbc.update(
                        "UPDATE task_count_state SET in_dlq = TRUE WHERE task_id = ? AND NOT in_dlq",
                        event.taskId().value())
                == 1) {
            add(IN_DLQ, 1);
        }
    }

    @EventHandler
    void on(TaskRequeuedEvent event) {
        if (jdbc.update(
                        "UPDATE task_count_state SET in_dlq = FALSE WHERE task_id = ? AND in_dlq",
                        event.taskId().value())
                == 1) {
            add(IN_DLQ, -1);
        }
        move(event.taskId(), TaskStatus.PENDING);
    }

    @EventHandler
    void on(TaskArchivedEvent event) {
        UUID id = event.taskId().value();
        List<String> status = jdbc.queryForList(
                "SELECT status FROM task_count_state WHERE task_id = ? AND NOT archived", String.class, id);
        if (!status.isEmpty()) {
            jdbc.update("UPDATE task_count_state SET archived = TRUE WHERE task_id = ?", id);
            add(status.getFirst(), -1);
            add(ARCHIVED, 1);
        }
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

    /**
     * Moves the task to {@code next}, shifting one count from its old status; false, changing
     * nothing, when it is there already.
     */
    private boolean move(TaskId taskId, TaskStatus next) {
        List<String> previous = jdbc.queryForList(
                "SELECT status FROM task_count_state WHERE task_id = ? AND NOT archived", String.class, taskId.value());
        if (previous.isEmpty() || previous.getFirst().equals(next.name())) {
            return false;
        }
        jdbc.update("UPDATE task_count_state SET status = ? WHERE task_id = ?", next.name(), taskId.value());
        add(previous.getFirst(), -1);
        add(next.name(), 1);
        return true;
    }

    private void add(String counter, long delta) {
        jdbc.update("UPDATE task_count SET tasks = tasks + ? WHERE counter = ?", delta, counter);
    }
}
