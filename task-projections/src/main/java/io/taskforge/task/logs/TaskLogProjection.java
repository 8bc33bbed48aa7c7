package io.taskforge.task.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskforge.task.event.TaskEvent;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the engine's lines into {@code task_log}, one per event that has something to say, marked
 * with the event's sequence number. Handlers append their own lines next to them (without a
 * sequence number); a replay rebuilds the engine's lines and leaves the handlers' alone.
 */
@Component
@ProcessingGroup("task-log")
class TaskLogProjection {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    TaskLogProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TaskEvent event, @SequenceNumber long sequence) throws JsonProcessingException {
        var line = EngineLogLines.of(event);
        if (line.isEmpty()) {
            return;
        }
        jdbc.update(
                "INSERT INTO task_log (task_id, attempt, logged_at, level, message, context_json, event_sequence)"
                        + " SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                        + " (SELECT 1 FROM task_log WHERE task_id = ? AND event_sequence = ?)",
                event.taskId().value(),
                line.get().attempt(),
                event.occurredAt().atOffset(ZoneOffset.UTC),
                line.get().level(),
                line.get().message(),
                line.get().context().isEmpty()
                        ? null
                        : JSON.writeValueAsString(line.get().context()),
                sequence,
                event.taskId().value(),
                sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM task_log WHERE event_sequence IS NOT NULL");
    }
}
