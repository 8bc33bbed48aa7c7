package io.taskforge.task.timeline;

import static io.taskforge.task.storage.UtcTimestamps.instant;
import static io.taskforge.task.storage.UtcTimestamps.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskforge.task.SecretValues;
import io.taskforge.task.event.TaskEvent;
import io.taskforge.task.processing.ProcessingGroups;
import io.taskforge.task.storage.BatchInserts;
import io.taskforge.task.storage.BatchScope;
import io.taskforge.task.storage.InsertIfAbsent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    private final TimelineEntries timelineEntries;

    private final JdbcTemplate jdbc;

    /** The batch's entries, inserted in one JDBC batch when it commits. */
    private final BatchScope<BatchInserts> entries;

    TimelineProjection(JdbcTemplate jdbc, ObjectMapper json, TimelineEntries timelineEntries) {
        this.jdbc = jdbc;
        this.json = json;
        this.timelineEntries = timelineEntries;
        InsertIfAbsent insert = InsertIfAbsent.into(
                jdbc.getDataSource(),
                "task_timeline",
                List.of("task_id", "sequence", "type", "severity", "occurred_at", "data_json"),
                List.of("task_id", "sequence"));
        this.entries = new BatchScope<>(TimelineProjection.class, () -> new BatchInserts(jdbc, insert));
    }

    @EventHandler
    void on(TaskEvent event, @SequenceNumber long sequence) throws JsonProcessingException {
        UUID taskId = event.taskId().value();
        String data = json.writeValueAsString(timelineEntries.dataOf(event));
        String type = TimelineNames.typeOf(event);
        String severity = TimelineNames.severityOf(event);
        entries.change(taskId, batch -> batch.add(taskId, sequence, type, severity, utc(event.occurredAt()), data));
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

    private Map<String, Object> read(String stored) {
        try {
            return json.readValue(stored, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored timeline data is not valid JSON", e);
        }
    }
}
