package io.taskforge.task.timeline;

import static io.taskforge.task.storage.UtcTimestamps.instant;
import static io.taskforge.task.storage.UtcTimestamps.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskforge.task.SecretValues;
import io.taskforge.task.event.TaskEvent;
import io.taskforge.task.processing.ProcessingGroups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes every task event as a timeline entry; replaying rebuilds the same entries. Entries are read
 * with secret-looking values redacted, as the task view shows them.
 */
@Component
@ProcessingGroup(ProcessingGroups.TASK_TIMELINE)
class TimelineProjection {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final ObjectMapper json;

    private final JdbcTemplate jdbc;

    TimelineProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(TaskEvent event, @SequenceNumber long sequence) throws JsonProcessingException {
        jdbc.update(
                "INSERT INTO task_timeline (task_id, sequence, type, severity, occurred_at, data_json)"
                        + " SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                        + " (SELECT 1 FROM task_timeline WHERE task_id = ? AND sequence = ?)",
                event.taskId().value(),
                sequence,
                TimelineNames.typeOf(event),
                TimelineNames.severityOf(event),
                utc(event.occurredAt()),
                json.writeValueAsString(dataOf(event)),
                event.taskId().value(),
                sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM task_timeline");
    }

    @QueryHandler
    List<TimelineEntry> handle(TaskTimelineQuery query) {
        return jdbc.query(
                "SELECT sequence, type, severity, occurred_at, data_json FROM task_timeline WHERE task_id = ? ORDER BY sequence",
                (row, n) -> new TimelineEntry(
                        row.getLong("sequence"),
                        row.getString("type"),
                        row.getString("severity"),
                        instant(row, "occurred_at"),
                        SecretValues.redacted(read(row.getString("data_json")))),
                query.taskId().value());
    }

    /** The event's facts without what every entry states anyway. */
    private Map<String, Object> dataOf(TaskEvent event) {
        Map<String, Object> data = new LinkedHashMap<>(json.convertValue(event, MAP));
        data.remove("task_id");
        data.remove("occurred_at");
        return data;
    }

    private Map<String, Object> read(String stored) {
        try {
            return json.readValue(stored, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored timeline data is not valid JSON", e);
        }
    }
}
