package io.taskforge.task.workers;

import static io.taskforge.task.storage.UtcTimestamps.instant;
import static io.taskforge.task.storage.UtcTimestamps.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskforge.task.TaskError;
import io.taskforge.task.event.AttemptFailedEvent;
import io.taskforge.task.event.AttemptStartedEvent;
import io.taskforge.task.event.AttemptSucceededEvent;
import io.taskforge.task.event.TaskCancelledEvent;
import io.taskforge.task.processing.ProcessingGroups;
import io.taskforge.task.storage.BatchScope;
import io.taskforge.worker.ProblemPattern;
import io.taskforge.worker.event.WorkerRegisteredEvent;
import io.taskforge.worker.event.WorkerWentOfflineEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps one row per registered worker, and one per attempt a registered worker started, from the
 * workers' and the tasks' events; replaying rebuilds the same rows. An attempt's outcome moves a
 * worker's counts once: only the change away from {@code running} counts, so a redelivered event
 * changes nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.WORKERS)
class WorkersProjection {

    private static final TypeReference<List<String>> GLOBS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final BatchScope<WorkerAttempts> batches;

    WorkersProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.batches = new BatchScope<>(WorkersProjection.class, () -> new WorkerAttempts(jdbc));
    }

    @EventHandler
    void on(WorkerRegisteredEvent event) {
        String globs = write(event.capabilities().supportedProblems().stream()
                .map(ProblemPattern::glob)
                .toList());
        int updated = jdbc.update(
                "UPDATE worker_view SET backend_type = ?, online = TRUE, registered_at = ?, updated_at = ?,"
                        + " max_parallel_tasks = ?, supported_problems_json = ?, offline_reason = NULL WHERE worker_id = ?",
                event.backendType(),
                utc(event.occurredAt()),
                utc(event.occurredAt()),
                event.capabilities().maxParallelTasks(),
                globs,
                event.workerId().value());
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO worker_view (worker_id, backend_type, online, registered_at, updated_at, max_parallel_tasks,"
                            + " supported_problems_json, tasks_completed, tasks_failed) VALUES (?, ?, TRUE, ?, ?, ?, ?, 0, 0)",
                    event.workerId().value(),
                    event.backendType(),
                    utc(event.occurredAt()),
                    utc(event.occurredAt()),
                    event.capabilities().maxParallelTasks(),
                    globs);
        }
        batches.change(attempts -> attempts.registered(event.workerId().value()));
    }

    @EventHandler
    void on(WorkerWentOfflineEvent event) {
        jdbc.update(
                "UPDATE worker_view SET online = FALSE, offline_reason = ?, updated_at = ? WHERE worker_id = ?",
                event.reason(),
                utc(event.occurredAt()),
                event.workerId().value());
    }

    /** Attempts of registered workers only: the engine's own nodes start attempts too. */
    @EventHandler
    void on(AttemptStartedEvent event) {
        UUID taskId = event.taskId().value();
        batches.change(taskId, attempts -> attempts.started(taskId, event.attempt(), event.workerId()));
    }

    @EventHandler
    void on(AttemptSucceededEvent event) {
        ended(event.taskId().value(), event.attempt(), "succeeded", "tasks_completed");
    }

    @EventHandler
    void on(AttemptFailedEvent event) {
        String outcome = TaskError.TIMEOUT.equals(event.error().type()) ? "timed_out" : "failed";
        ended(event.taskId().value(), event.attempt(), outcome, "tasks_failed");
    }

    @EventHandler
    void on(TaskCancelledEvent event) {
        UUID taskId = event.taskId().value();
        batches.change(taskId, attempts -> attempts.cancelled(taskId));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM worker_attempt");
        jdbc.update("DELETE FROM worker_view");
    }

    @QueryHandler
    List<WorkerView> handle(ListWorkersQuery query) {
        List<Object> parameters = new ArrayList<>();
        String where = "";
        if (query.backendType() != null) {
            where = " WHERE backend_type = ?";
            parameters.add(query.backendType());
        }
        Map<String, List<UUID>> running = runningTasks();
        return jdbc
                .query(
                        "SELECT * FROM worker_view" + where + " ORDER BY worker_id",
                        (row, n) -> viewOf(row, running),
                        parameters.toArray())
                .stream()
                .filter(view -> query.status() == null || view.status().equals(query.status()))
                .toList();
    }

    @QueryHandler
    Optional<WorkerView> handle(FindWorkerQuery query) {
        Map<String, List<UUID>> running = runningTasks();
        return jdbc
                .query(
                        "SELECT * FROM worker_view WHERE worker_id = ?",
                        (row, n) -> viewOf(row, running),
                        query.workerId())
                .stream()
                .findFirst();
    }

    /** Moves the worker's count once, when this event is what ended its attempt. */
    private void ended(UUID taskId, int attempt, String outcome, String countColumn) {
        batches.change(taskId, attempts -> {
            if (attempts.ended(taskId, attempt, outcome)) {
                jdbc.update(
                        "UPDATE worker_view SET " + countColumn + " = " + countColumn + " + 1 WHERE worker_id ="
                                + " (SELECT worker_id FROM worker_attempt WHERE task_id = ? AND attempt = ?)",
                        taskId,
                        attempt);
            }
        });
    }

    private Map<String, List<UUID>> runningTasks() {
        Map<String, List<UUID>> running = new HashMap<>();
        jdbc.query(
                "SELECT worker_id, task_id FROM worker_attempt WHERE outcome = ? ORDER BY task_id",
                row -> {
                    running.computeIfAbsent(row.getString("worker_id"), id -> new ArrayList<>())
                            .add(row.getObject("task_id", UUID.class));
                },
                WorkerAttempts.RUNNING);
        return running;
    }

    private WorkerView viewOf(ResultSet row, Map<String, List<UUID>> running) throws SQLException {
        String workerId = row.getString("worker_id");
        boolean online = row.getBoolean("online");
        List<UUID> current = online ? running.getOrDefault(workerId, List.of()) : List.of();
        String status = !online ? WorkerView.OFFLINE : current.isEmpty() ? WorkerView.IDLE : WorkerView.BUSY;
        return new WorkerView(
                workerId,
                row.getString("backend_type"),
                status,
                instant(row, "registered_at"),
                instant(row, "updated_at"),
                row.getInt("max_parallel_tasks"),
                read(row.getString("supported_problems_json")),
                current,
                row.getLong("tasks_completed"),
                row.getLong("tasks_failed"),
                row.getString("offline_reason"));
    }

    private String write(List<String> globs) {
        try {
            return json.writeValueAsString(globs);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("supported problems cannot be written as JSON", e);
        }
    }

    private List<String> read(String globs) {
        try {
            return json.readValue(globs, GLOBS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored supported problems are not valid JSON", e);
        }
    }
}
