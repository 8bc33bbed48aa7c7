package io.taskforge.api.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskforge.api.docs.ApiTags;
import io.taskforge.api.reads.TaskReads;
import io.taskforge.task.TaskId;
import io.taskforge.task.attempts.AttemptView;
import io.taskforge.task.attempts.FallbackStepView;
import io.taskforge.task.timeline.TimelineEntry;
import java.util.List;
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

    /**
     * A task's attempt ledger: its attempts, first first, and the fallback steps applied between them.
     *
     * @param fallbackSteps each step of a fallback chain that took over after an attempt's failure
     */
    record AttemptsResponse(
            String taskId, int count, List<AttemptView> attempts, List<FallbackStepView> fallbackSteps) {}

    private final TaskReads reads;

    TaskHistoryController(TaskReads reads) {
        this.reads = reads;
    }

    @GetMapping("/timeline")
    @Operation(summary = "Every event of the task with its type, severity, time and data")
    TimelineResponse timeline(@PathVariable String taskId) {
        TaskId id = reads.existing(taskId).taskId();
        List<TimelineEntry> events = reads.timeline(id);
        return new TimelineResponse(id.toString(), events.size(), events);
    }

    @GetMapping("/attempts")
    @Operation(
            summary = "Every attempt of the task with timing, error, classification and circuit state, and the"
                    + " fallback steps applied between them")
    AttemptsResponse attempts(@PathVariable String taskId) {
        TaskId id = reads.existing(taskId).taskId();
        List<AttemptView> attempts = reads.attempts(id);
        return new AttemptsResponse(id.toString(), attempts.size(), attempts, reads.fallbackSteps(id));
    }
}
