package io.taskforge.api.dlq;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskforge.api.docs.ApiTags;
import io.taskforge.api.reads.TaskReads;
import io.taskforge.api.tasks.TaskSubmissions;
import io.taskforge.api.web.ApiErrorCode;
import io.taskforge.api.web.ApiException;
import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
import io.taskforge.task.command.RequeueTaskCommand;
import io.taskforge.task.dlq.DlqEntry;
import io.taskforge.task.dlq.DlqStatus;
import io.taskforge.task.dlq.ListDlqQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Manual retries and the dead letter queue. */
@RestController
@Tag(name = ApiTags.SELF_HEALING)
class RetryController {

    /** The answer to a retry. */
    record RetryResponse(boolean success, String message, String taskId, String status) {}

    /** A page of the dead letter queue. */
    record FailedTasksResponse(int count, List<DeadLetter> tasks) {}

    private final CommandGateway commands;
    private final TaskReads reads;
    private final TaskSubmissions submissions;

    RetryController(CommandGateway commands, TaskReads reads, TaskSubmissions submissions) {
        this.commands = commands;
        this.reads = reads;
        this.submissions = submissions;
    }

    @PostMapping("/api/v1/tasks/{taskId}/retry")
    @Operation(
            summary = "Run a failed, timed-out or cancelled task again with a fresh retry budget",
            description = "The optional body gives a reason and an edited input, which replaces the task's input"
                    + " from now on; who retried, why and with what is on the task's timeline (retry_requested)."
                    + " 409 for a task that is not failed, timed out or cancelled.")
    RetryResponse retryTask(
            @PathVariable String taskId,
            @Valid @RequestBody(required = false) ManualRetryRequest body,
            Principal principal) {
        return requeue(reads.idOf(taskId), body, principal);
    }

    @GetMapping("/api/v1/failed-tasks")
    @Operation(summary = "The dead letter queue, most recent first; agent matches the task's provider or type")
    FailedTasksResponse failedTasks(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String agent,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        DlqStatus wanted = status == null
                ? null
                : DlqStatus.named(status)
                        .orElseThrow(() -> new ApiException(
                                ApiErrorCode.BAD_REQUEST,
                                "unknown status '" + status + "'; use pending, retried or archived"));
        List<DeadLetter> entries = reads.deadLetters(new ListDlqQuery(wanted, agent, limit, offset)).stream()
                .map(DeadLetter::of)
                .toList();
        return new FailedTasksResponse(entries.size(), entries);
    }

    @PostMapping("/api/v1/failed-tasks/{taskId}/retry")
    @Operation(
            summary = "Send a task waiting in the dead letter queue back to the queue",
            description = "Takes the same optional body as POST /api/v1/tasks/{taskId}/retry: a reason and an"
                    + " edited input.")
    RetryResponse retryFromDlq(
            @PathVariable String taskId,
            @Valid @RequestBody(required = false) ManualRetryRequest body,
            Principal principal) {
        TaskId id = reads.idOf(taskId);
        Optional<DlqEntry> entry = reads.deadLetter(id);
        if (entry.isEmpty()) {
            throw new ApiException(ApiErrorCode.NOT_FOUND, "task " + taskId + " is not in the dead letter queue");
        }
        if (entry.get().status() != DlqStatus.PENDING) {
            throw new ApiException(
                    ApiErrorCode.CONFLICT,
                    "task " + taskId + " was already " + entry.get().status().wireName());
        }
        return requeue(id, body, principal);
    }

    private RetryResponse requeue(TaskId taskId, ManualRetryRequest body, Principal principal) {
        reads.requireVisible(taskId);
        Map<String, Object> input = body == null || body.input() == null
                ? null
                : submissions.checkedInput(reads.existing(taskId.toString()).type(), body.input());
        commands.sendAndWait(
                new RequeueTaskCommand(taskId, principal.getName(), body == null ? null : body.reason(), input));
        return new RetryResponse(
                true, "Task " + taskId + " requeued", taskId.toString(), TaskStatus.PENDING.wireName());
    }
}
