package io.taskforge.engine.idempotency;

import io.taskforge.task.TaskId;
import io.taskforge.task.event.TaskCreatedEvent;
import io.taskforge.task.processing.ProcessingGroups;
import java.sql.Timestamp;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Remembers which task each idempotency key created. The handler runs in a subscribing processor,
 * inside the transaction that stores the {@link TaskCreatedEvent}: a second task with a key already
 * taken breaks the table's primary key, and its events are rolled back with it.
 */
@Component
@ProcessingGroup(ProcessingGroups.IDEMPOTENCY_KEYS)
public class IdempotencyKeys {

    private final JdbcTemplate jdbc;

    IdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TaskCreatedEvent event) {
        String key = event.definition().idempotencyKey();
        if (key != null) {
            jdbc.update(
                    "INSERT INTO task_idempotency_key (idempotency_key, task_id, created_at) VALUES (?, ?, ?)",
                    key,
                    event.taskId().value(),
                    Timestamp.from(event.occurredAt()));
        }
    }

    public Optional<TaskId> taskFor(String key) {
        return jdbc
                .queryForList(
                        "SELECT task_id FROM task_idempotency_key WHERE idempotency_key = ?", java.util.UUID.class, key)
                .stream()
                .findFirst()
                .map(TaskId::new);
    }
}
