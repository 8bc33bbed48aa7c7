package io.taskforge.api.families.backgroundtasks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskforge.api.reads.TaskReads;
import io.taskforge.api.retention.TaskRetention;
import io.taskforge.task.TaskStatus;
import io.taskforge.task.counts.TaskCounts;
import io.taskforge.task.query.ListRunningTasksQuery;
import io.taskforge.task.query.ListTasksQuery;
import io.taskforge.task.query.TaskView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 001's task monitoring, at its own paths and again under {@code /api/v1}, where the literal
 * paths ({@code /api/v1/tasks/stats}...) win over the canonical {@code /api/v1/tasks/{taskId}}.
 */
@RestController
@Tag(
        name = "Seed 001: task monitoring",
        description = "Statistics, running, pending and all tasks, one task, and the clean-up of old finished tasks;"
                + " each path also answers under /api/v1 (/api/v1/tasks/{task_id} is the canonical task resource)."
                + " `total_count` comes from counters kept by a projection, so lists stay fast with many tasks.")
class TaskMonitoringController {

    private final TaskReads reads;
    private final TaskRetention retention;
    private final Clock clock;

    TaskMonitoringController(TaskReads reads, TaskRetention retention, Clock clock) {
        this.reads = reads;
        this.retention = retention;
        this.clock = clock;
    }

    @GetMapping({"/tasks/stats", "/api/v1/tasks/stats"})
    @Operation(
            summary = "Task statistics",
            description = "`total_tasks`: tasks not archived; `pending_tasks` includes scheduled retries;"
                    + " `failed_tasks` includes timed-out tasks; `success_rate`: completed tasks among those that"
                    + " completed, failed or timed out, in percent to two decimals (0 before any finished).")
    TaskStatsResponse stats() {
        return TaskStatsResponse.of(reads.counts());
    }

    @GetMapping({"/tasks/running", "/api/v1/tasks/running"})
    @Operation(
            summary = "Running tasks, oldest first",
            description = "`total_count`: every running task. `limit` (default 100, at most 1000) and `offset` page"
                    + " the list.")
    TaskListResponse running(
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return new TaskListResponse(
                shapes(reads.running(new ListRunningTasksQuery(limit, offset))),
                reads.counts().running());
    }

    @GetMapping({"/tasks/pending", "/api/v1/tasks/pending"})
    @Operation(
            summary = "Tasks waiting to run, newest first",
            description = "Pending tasks and tasks waiting for a retry (status `retry_scheduled`). `total_count`:"
                    + " every such task. `limit` (default 100, at most 1000) and `offset` page the list.")
    TaskListResponse pending(
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        TaskCounts counts = reads.counts();
        List<MonitoredTask> tasks =
                shapes(reads.tasks(new ListTasksQuery(TaskStatus.WAITING, null, null, null, false, limit, offset)));
        return new TaskListResponse(tasks, counts.waiting());
    }

    @GetMapping({"/tasks/all", "/api/v1/tasks/all"})
    @Operation(
            summary = "All tasks, newest first",
            description = "`include_completed=false` leaves out finished tasks (completed, failed, timed out and"
                    + " cancelled). `limit` defaults to 50 (at most 1000); `offset` pages on. Archived tasks are left"
                    + " out. `total_count`: every task that matches, not only this page.")
    TaskListResponse all(
            @RequestParam(name = "include_completed", defaultValue = "true") boolean includeCompleted,
            @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        TaskCounts counts = reads.counts();
        Set<TaskStatus> statuses = includeCompleted ? Set.of() : TaskStatus.UNFINISHED;
        List<MonitoredTask> tasks =
                shapes(reads.tasks(new ListTasksQuery(statuses, null, null, null, false, limit, offset)));
        return new TaskListResponse(tasks, includeCompleted ? counts.current() : counts.active());
    }

    @GetMapping("/tasks/{taskId}")
    @Operation(
            summary = "One task in seed 001's shape",
            description = "404 for an unknown id. Under /api/v1 this path is the canonical task resource instead.")
    MonitoredTask task(@PathVariable String taskId) {
        return MonitoredTask.of(reads.existing(taskId));
    }

    @GetMapping({"/tasks/count/running", "/api/v1/tasks/count/running"})
    @Operation(summary = "How many tasks are running")
    RunningCountResponse runningCount() {
        return new RunningCountResponse(reads.counts().running());
    }

    @DeleteMapping({"/tasks/cleanup", "/api/v1/tasks/cleanup"})
    @Operation(
            summary = "Archive finished tasks older than `days` days",
            description = "Archives every completed, failed, timed-out or cancelled task that finished more than"
                    + " `days` days ago (default 7, from 0 to 36500; 0 archives every finished task; 400 otherwise)."
                    + " `cleaned_tasks` is how many this call archived. Archiving is an event: archived"
                    + " tasks leave the lists and counts but stay readable by id. Needs an admin key.")
    CleanupResponse cleanup(@RequestParam(defaultValue = "7") @Min(0) @Max(36_500) int days) {
        int archived = retention.archiveFinishedBefore(clock.instant().minus(Duration.ofDays(days)));
        return new CleanupResponse(archived, days);
    }

    private static List<MonitoredTask> shapes(List<TaskView> views) {
        return views.stream().map(MonitoredTask::of).toList();
    }
}
