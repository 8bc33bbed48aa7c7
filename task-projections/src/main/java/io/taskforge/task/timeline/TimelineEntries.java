package io.taskforge.task.timeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskforge.task.SecretValues;
import io.taskforge.task.event.TaskEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns a task event into its timeline entry: what the timeline projection stores, and what live
 * updates show of an event before the timeline has it.
 */
@Component
public class TimelineEntries {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final ObjectMapper json;

    TimelineEntries(ObjectMapper json) {
        this.json = json;
    }

    /** The entry as {@code GET /api/v1/tasks/{id}/timeline} shows it, secret-looking values redacted. */
    public TimelineEntry entryOf(TaskEvent event, long sequence) {
        return new TimelineEntry(
                sequence,
                TimelineNames.typeOf(event),
                TimelineNames.severityOf(event),
                event.occurredAt(),
                SecretValues.redacted(dataOf(event)));
    }

    /** The event's facts without what every entry states anyway. */
    Map<String, Object> dataOf(TaskEvent event) {
        Map<String, Object> data = new LinkedHashMap<>(json.convertValue(event, MAP));
        data.remove("task_id");
        data.remove("occurred_at");
        return data;
    }
}
