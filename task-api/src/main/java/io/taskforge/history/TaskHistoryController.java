package io.taskforge.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskforge.docs.ApiTags;
import io.taskforge.task.TaskId;
import io.taskforge.task.attempts.AttemptView;
import io.taskforge.task.attempts.TaskAttemptsQuery;
import io.taskforge.task.timeline.TaskTimelineQuery;
import io.taskforge.task.timeline.TimelineEntry;
import io.taskforge.tasks.TaskLookup;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves a task's timeline and attempts. */
@RestController
@RequestMapping("/api/v1/tasks/{taskId}")
@Tag(name = ApiTags.SELF_HEALING)
class TaskHistoryController {

    /** A task's timeline: every event, oldest first. */
    record TimelineResponse(String taskId, int count, List<TimelineEntry> events) {}

    /** A task's attempts, first first. */
    record AttemptsResponse(String taskId, int count, List<AttemptView> attempts) {}

    private final QueryGateway queries;
    private final TaskLookup lookup;

    TaskHistoryController(QueryGateway queries, TaskLookup lookup) {
        this.queries = queries;
        this.lookup = lookup;
    }

    @GetMapping("/timeline")
    @Operation(summary = "Every event of the task with its type, severity, time and data")
    TimelineResponse timeline(@PathVariable String taskId) {
        TaskId id = lookup.existing(taskId).taskId();
        List<TimelineEntry> events = queries.query(
                        new TaskTimelineQuery(id), ResponseTypes.multipleInstancesOf(TimelineEntry.class))
                .join();
        return new TimelineResponse(taskId, events.size(), events);
    }

    @GetMapping("/attempts")
    @Operation(summary = "Every attempt of the task with timing, error, classification and circuit state")
    AttemptsResponse attempts(@PathVariable String taskId) {
        TaskId id = lookup.existing(taskId).taskId();
        List<AttemptView> attempts = queries.query(
                        new TaskAttemptsQuery(id), ResponseTypes.multipleInstancesOf(AttemptView.class))
                .join();
        return new AttemptsResponse(taskId, attempts.size(), attempts);
    }
}
