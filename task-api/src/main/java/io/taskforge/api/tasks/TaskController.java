package io.taskforge.api.tasks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskforge.api.docs.ApiTags;
import io.taskforge.api.reads.TaskReads;
import io.taskforge.api.security.Caller;
import io.taskforge.api.web.ApiErrorCode;
import io.taskforge.api.web.ApiException;
import io.taskforge.engine.execution.StallDetector;
import io.taskforge.engine.execution.Stalls;
import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
import io.taskforge.task.query.ListTasksQuery;
import io.taskforge.task.query.TaskView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Submit, read, list and cancel tasks. */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = ApiTags.TASKS)
class TaskController {

    private final TaskSubmissions submissions;
    private final TaskOperations tasks;
    private final TaskReads reads;
    private final StallDetector stalls;

    TaskController(TaskSubmissions submissions, TaskOperations tasks, TaskReads reads, StallDetector stalls) {
        this.submissions = submissions;
        this.tasks = tasks;
        this.reads = reads;
        this.stalls = stalls;
    }

    /** 201 with the new task; 200 with the earlier task when the idempotency key was used before. */
    @PostMapping
    @Operation(
            summary = "Submit a task: the canonical body, or seed 002's problem_id and parameters",
            description = "201 with the task; 200 with the earlier task when its idempotency_key was used before;"
                    + " 202 with only the id when the read model lags more than ten seconds.")
    @ApiResponse(
            responseCode = "201",
            description = "created",
            content = @Content(schema = @Schema(implementation = TaskResource.class)))
    @ApiResponse(
            responseCode = "200",
            description = "the idempotency key was used before: the earlier task",
            content = @Content(schema = @Schema(implementation = TaskResource.class)))
    ResponseEntity<?> create(@Valid @RequestBody CreateTaskRequest request, @AuthenticationPrincipal Caller caller) {
        var submission = tasks.submit(submissions.definitionOf(request, caller));
        String id = submission.taskId().toString();
        URI location = URI.create("/api/v1/tasks/" + id);
        if (submission.view().isEmpty()) {
            return ResponseEntity.accepted()
                    .location(location)
                    .body(Map.of("id", id, "task_id", id, "status", TaskStatus.PENDING.wireName()));
        }
        var status = submission.created() ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status)
                .location(location)
                .body(TaskResource.of(submission.view().get()));
    }

    /** The most tasks one batch may hold. */
    static final int MAX_BATCH = 1_000;

    @PostMapping("/batch")
    @Operation(
            summary = "Submit up to 1000 tasks at once, all or none",
            description = "Each item is the canonical body (or seed 002's). Every item is checked before any is"
                    + " stored: one 422 names each bad item by its index. The new tasks are stored in one"
                    + " transaction. An item whose idempotency_key was used before answers with the earlier task"
                    + " (`created: false`); 201 when at least one task is new, 200 when none is; 413 over 1000"
                    + " items.")
    ResponseEntity<BatchSubmissionResponse> createBatch(
            @Valid @RequestBody CreateTaskBatchRequest request, @AuthenticationPrincipal Caller caller) {
        if (request.tasks().size() > MAX_BATCH) {
            throw new ApiException(
                    ApiErrorCode.PAYLOAD_TOO_LARGE,
                    "a batch holds at most " + MAX_BATCH + " tasks, not "
                            + request.tasks().size());
        }
        var submitted = tasks.submitAll(submissions.definitionsOf(request.tasks(), caller));
        List<BatchSubmissionResponse.Item> items = new ArrayList<>(submitted.size());
        for (int index = 0; index < submitted.size(); index++) {
            var submission = submitted.get(index);
            String id = submission.taskId().toString();
            TaskStatus status = submission.view().map(TaskView::status).orElse(TaskStatus.PENDING);
            items.add(new BatchSubmissionResponse.Item(index, id, id, status.wireName(), submission.created()));
        }
        int created = (int)
                items.stream().filter(BatchSubmissionResponse.Item::created).count();
        return ResponseEntity.status(created > 0 ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new BatchSubmissionResponse(items.size(), created, items));
    }

    @GetMapping("/{taskId}")
    @Operation(
            summary = "One task, in the union of the seed shapes",
            description = "id and task_id, input and parameters, integer progress, result, error {type, message},"
                    + " worker_id, started_at and completed_at.")
    TaskResource get(@PathVariable String taskId) {
        TaskView view = reads.existing(taskId);
        return TaskResource.of(view, stallsOf(List.of(view)).holdingUp(view.taskId(), view.status(), view.type()));
    }

    @GetMapping
    @Operation(summary = "Tasks, newest first, filtered and paged")
    List<TaskResource> list(
            @Parameter(
                            description = "comma-separated: pending, running (or seed 004's processing),"
                                    + " retry_scheduled, completed, failed, timeout, cancelled")
                    @RequestParam(required = false)
                    String status,
            @RequestParam(required = false) String type,
            @RequestParam(name = "problem_id", required = false) String problemId,
            @RequestParam(name = "worker_id", required = false) String workerId,
            @RequestParam(name = "include_archived", defaultValue = "false") boolean includeArchived,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        var query = new ListTasksQuery(
                TaskStatusFilter.parse(status), type, problemId, workerId, includeArchived, limit, offset);
        List<TaskView> views = reads.tasks(query);
        Stalls found = stallsOf(views);
        return views.stream()
                .map(view -> TaskResource.of(view, found.holdingUp(view.taskId(), view.status(), view.type())))
                .toList();
    }

    @PostMapping("/{taskId}/cancel")
    @Operation(summary = "Cancel a pending or running task (seed 002); 409 when it has finished")
    CancellationResponse cancel(@PathVariable String taskId, Principal principal) {
        TaskId id = reads.idOf(taskId);
        tasks.cancel(id, principal.getName());
        return new CancellationResponse(true, "Task cancelled successfully", id.toString());
    }

    @DeleteMapping("/{taskId}")
    @Operation(summary = "Cancel a pending or running task (seed 004); 409 when it has finished")
    CancellationResponse delete(@PathVariable String taskId, Principal principal) {
        TaskId id = reads.idOf(taskId);
        tasks.cancel(id, principal.getName());
        return new CancellationResponse(true, "Task " + id + " has been cancelled", id.toString());
    }

    /** Stalls only concern unfinished tasks; a page of finished ones needs no look at the queue. */
    private Stalls stallsOf(List<TaskView> views) {
        boolean anyUnfinished = views.stream().anyMatch(view -> !view.status().isFinished());
        return anyUnfinished ? stalls.stalls() : Stalls.NONE;
    }
}
