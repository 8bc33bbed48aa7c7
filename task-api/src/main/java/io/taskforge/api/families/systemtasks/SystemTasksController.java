package io.taskforge.api.families.systemtasks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskforge.api.health.HealthAssessor;
import io.taskforge.api.reads.TaskReads;
import io.taskforge.engine.execution.LivenessReports;
import io.taskforge.engine.execution.ReportedLiveness;
import io.taskforge.engine.execution.StallDetector;
import io.taskforge.engine.execution.Stalls;
import io.taskforge.task.TaskId;
import io.taskforge.task.query.ListFailedTasksQuery;
import io.taskforge.task.query.ListRunningTasksQuery;
import io.taskforge.task.query.ListTasksQuery;
import io.taskforge.task.query.TaskView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Seed 000's task registry view: counts, task lists and health. */
@RestController
@RequestMapping("/api/v1/system")
@Tag(
        name = "Seed 000: system tasks",
        description = "Task summary, lists of all, running and failed tasks, and the application's health."
                + " Counts come from counters kept by a projection, so every endpoint stays fast with many tasks.")
class SystemTasksController {

    private static final String PAGE_SIZE = "100";

    private final TaskReads reads;
    private final StallDetector stallDetector;
    private final LivenessReports liveness;
    private final HealthAssessor health;
    private final SystemHealthProperties properties;
    private final Clock clock;

    SystemTasksController(
            TaskReads reads,
            StallDetector stallDetector,
            LivenessReports liveness,
            HealthAssessor health,
            SystemHealthProperties properties,
            Clock clock) {
        this.reads = reads;
        this.stallDetector = stallDetector;
        this.liveness = liveness;
        this.health = health;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/tasks/summary")
    @Operation(
            summary = "Task counts with a one-line summary",
            description = "`total`: tasks ever created (archived ones included); `active`: running now;"
                    + " `failed`: failed or timed out; `cancelled`: cancelled. Archived tasks count only in `total`.")
    TaskSummaryResponse summary() {
        return TaskSummaryResponse.of(SystemTaskCounts.of(reads.counts()));
    }

    @GetMapping("/tasks")
    @Operation(
            summary = "All tasks, newest first, one page at a time",
            description = "`count` is the total number of tasks the list pages through (every task not archived by"
                    + " the retention clean-up), read from the task counters rather than counted: it is not the"
                    + " length of this page. Page with `limit` (default 100, at most 1000) and `offset`. `status` is"
                    + " pending, running, retry_scheduled, completed, failed, timeout or cancelled; `error` is the"
                    + " error message of a failed or timed-out task, otherwise null.")
    TaskPage<SystemTask> tasks(
            @RequestParam(defaultValue = PAGE_SIZE) @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        List<TaskView> page = reads.tasks(new ListTasksQuery(null, null, null, null, false, limit, offset));
        return new TaskPage<>(
                reads.counts().current(), page.stream().map(SystemTask::of).toList());
    }

    @GetMapping("/tasks/active")
    @Operation(
            summary = "Running tasks, oldest first, with how long each has run",
            description = "`count` is the number of running tasks, from the task counters. `running_for_seconds` is"
                    + " the time since the task started; `stall` says why a task is not moving (`no_progress`:"
                    + " its runner heartbeats but progress, or the liveness a loop reports, is frozen; `runner_gone`:"
                    + " the runner's lease expired), or is null. `liveness` is what a task that reports liveness"
                    + " instead of progress (a hardware loop) last said: how far it got, when, and from when it"
                    + " counts as stalled; null for other tasks. `limit` (default 100, at most 1000) and `offset`"
                    + " page the list.")
    TaskPage<ActiveTask> active(
            @RequestParam(defaultValue = PAGE_SIZE) @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        List<TaskView> page = reads.running(new ListRunningTasksQuery(limit, offset));
        Stalls stalls = page.isEmpty() ? Stalls.NONE : stallDetector.stalls();
        Map<TaskId, ReportedLiveness> reported = page.isEmpty()
                ? Map.of()
                : liveness.of(page.stream().map(TaskView::taskId).collect(Collectors.toSet()));
        Instant now = clock.instant();
        return new TaskPage<>(
                reads.counts().running(),
                page.stream()
                        .map(view ->
                                ActiveTask.of(view, stalls.ofTask(view.taskId()), reported.get(view.taskId()), now))
                        .toList());
    }

    @GetMapping("/tasks/failed")
    @Operation(
            summary = "Failed and timed-out tasks, the most recent failure first",
            description = "`count` is the number of failed and timed-out tasks (archived ones excluded), from the"
                    + " task counters. `error` is the last error's message and `error_type` its kind (an exception"
                    + " class name, `http_error`, `timeout`...); `failed_at` is when the task failed. Page with"
                    + " `limit` (default 100, at most 1000) and `offset`.")
    TaskPage<FailedTask> failed(
            @RequestParam(defaultValue = PAGE_SIZE) @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        List<TaskView> page = reads.failed(new ListFailedTasksQuery(limit, offset));
        return new TaskPage<>(
                reads.counts().failedOrTimedOut(),
                page.stream().map(FailedTask::of).toList());
    }

    @GetMapping("/health")
    @Operation(
            summary = "Application health for dashboards and liveness probes; needs no API key",
            description = "`degraded` while failed tasks wait in the dead letter queue or stall detection reports"
                    + " stalled work (`reason` says which), otherwise `healthy` with a null `reason`.")
    @ApiResponse(responseCode = "200", description = "healthy")
    @ApiResponse(
            responseCode = "500",
            description = "degraded; taskforge.health.degraded-status (TASKFORGE_HEALTH_DEGRADED_STATUS) sets another"
                    + " 5xx status, such as 503")
    ResponseEntity<HealthResponse> health() {
        HealthResponse report = HealthResponse.of(health.assess(HealthResponse.CONCERNS));
        return ResponseEntity.status(report.healthy() ? 200 : properties.degradedStatus())
                .body(report);
    }
}
