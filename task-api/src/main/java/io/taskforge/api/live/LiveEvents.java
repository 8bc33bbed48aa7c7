package io.taskforge.api.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskforge.api.tasks.TaskResource;
import io.taskforge.engine.live.ProcessorProgress;
import io.taskforge.task.TaskId;
import io.taskforge.task.event.TaskEvent;
import io.taskforge.task.processing.ProcessingGroups;
import io.taskforge.task.query.FindTasksQuery;
import io.taskforge.task.query.TaskView;
import io.taskforge.task.timeline.TimelineEntries;
import io.taskforge.task.timeline.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Turns stored task events into live messages: the event's timeline entry and the task as the task
 * view shows it once it has applied the event. The tasks of a batch are read in one query, and the
 * messages of recent events are kept, so that connections following the same events share the work.
 */
@Component
class LiveEvents {

    /** Recent events' messages kept for the connections that send them too; about 2 KiB each. */
    private static final int KEPT = 2_048;

    private final QueryGateway queries;
    private final TimelineEntries timeline;
    private final ProcessorProgress progress;
    private final LiveProperties properties;
    private final ObjectMapper json;
    private final Map<String, LiveEvent> recent = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LiveEvent> eldest) {
            return size() > KEPT;
        }
    };

    LiveEvents(
            QueryGateway queries,
            TimelineEntries timeline,
            ProcessorProgress progress,
            LiveProperties properties,
            ObjectMapper json) {
        this.queries = queries;
        this.timeline = timeline;
        this.progress = progress;
        this.properties = properties;
        this.json = json;
    }

    /** Whether a stored event is a task's: the only events live updates carry. */
    static boolean isTaskEvent(TrackedEventMessage<?> event) {
        return event instanceof DomainEventMessage<?> && TaskEvent.class.isAssignableFrom(event.getPayloadType());
    }

    static String taskIdOf(TrackedEventMessage<?> event) {
        return ((DomainEventMessage<?>) event).getAggregateIdentifier();
    }

    /** The messages of these task events, in their order. */
    List<LiveEvent> render(List<TrackedEventMessage<?>> events) throws InterruptedException {
        Map<String, LiveEvent> found = new HashMap<>();
        List<TrackedEventMessage<?>> missing = new ArrayList<>();
        synchronized (recent) {
            for (TrackedEventMessage<?> event : events) {
                LiveEvent kept = recent.get(event.getIdentifier());
                if (kept != null) {
                    found.put(event.getIdentifier(), kept);
                } else {
                    missing.add(event);
                }
            }
        }
        if (!missing.isEmpty()) {
            Map<String, LiveEvent> rendered = renderAll(missing);
            found.putAll(rendered);
            synchronized (recent) {
                recent.putAll(rendered);
            }
        }
        return events.stream().map(event -> found.get(event.getIdentifier())).toList();
    }

    private Map<String, LiveEvent> renderAll(List<TrackedEventMessage<?>> events) throws InterruptedException {
        progress.awaitApplied(ProcessingGroups.TASK_VIEW, events, properties.viewWait());
        Map<String, TaskView> views = queries
                .query(
                        new FindTasksQuery(events.stream()
                                .map(event -> TaskId.parse(taskIdOf(event)))
                                .collect(Collectors.toSet())),
                        ResponseTypes.multipleInstancesOf(TaskView.class))
                .join()
                .stream()
                .collect(Collectors.toMap(view -> view.taskId().toString(), Function.identity()));
        Map<String, LiveEvent> rendered = new HashMap<>();
        for (TrackedEventMessage<?> event : events) {
            rendered.put(event.getIdentifier(), render(event, views));
        }
        return rendered;
    }

    private LiveEvent render(TrackedEventMessage<?> event, Map<String, TaskView> views) {
        DomainEventMessage<?> stored = (DomainEventMessage<?>) event;
        String taskId = stored.getAggregateIdentifier();
        TimelineEntry entry = timeline.entryOf((TaskEvent) stored.getPayload(), stored.getSequenceNumber());
        TaskView view = views.get(taskId);
        TaskResource task = view == null ? null : TaskResource.of(view);
        Fields fields = new Fields(
                taskId, entry.sequence(), entry.type(), entry.severity(), entry.timestamp(), entry.data(), task);
        return new LiveEvent(
                taskId,
                entry.type(),
                event.trackingToken(),
                task == null ? null : task.owner(),
                task == null ? null : task.type(),
                task == null ? null : task.status(),
                members(fields));
    }

    /** The object's JSON members, without its braces, to follow {@code kind}, {@code topic} and {@code cursor}. */
    private String members(Object value) {
        try {
            String object = json.writeValueAsString(value);
            return object.substring(1, object.length() - 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a live message is always writable", e);
        }
    }

    /** The message's fields after its kind, topic and cursor. */
    private record Fields(
            String taskId,
            long sequence,
            String event,
            String severity,
            Instant timestamp,
            Map<String, Object> data,
            TaskResource task) {}
}
