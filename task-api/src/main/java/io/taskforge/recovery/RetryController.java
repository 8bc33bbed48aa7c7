package io.taskforge.recovery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskforge.docs.ApiTags;
import io.taskforge.task.TaskId;
import io.taskforge.task.command.RequeueTaskCommand;
import io.taskforge.task.dlq.DlqEntry;
import io.taskforge.task.dlq.FindDlqEntryQuery;
import io.taskforge.task.dlq.ListDlqQuery;
import io.taskforge.web.ApiErrorCode;
import io.taskforge.web.ApiException;
import io.taskforge.web.TaskIdParameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Manual retries and the dead letter queue. */
@RestController
@Tag(name = ApiTags.SELF_HEALING)
class RetryController {

    private static final Set<String> DLQ_STATUSES = Set.of("pending", "retried", "archived");

    /** The answer to a retry. */
    record RetryResponse(boolean success, String message, String taskId, String status) {}

    /** A page of the dead letter queue. */
    record FailedTasksResponse(int count, List<DlqEntry> tasks) {}

    private final CommandGateway commands;
    private final QueryGateway queries;

    RetryController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping("/api/v1/tasks/{taskId}/retry")
    @Operation(summary = "Run a failed, timed-out or cancelled task again with a fresh retry budget")
    RetryResponse retryTask(@PathVariable String taskId, Principal principal) {
        return requeue(TaskIdParameter.parse(taskId), principal);
    }

    @GetMapping("/api/v1/failed-tasks")
    @Operation(summary = "The dead letter queue, most recent first; agent matches the task's provider or type")
    FailedTasksResponse failedTasks(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String agent,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        if (status != null && !DLQ_STATUSES.contains(status)) {
            throw new ApiException(
                    ApiErrorCode.BAD_REQUEST, "unknown status '" + status + "'; use pending, retried or archived");
        }
        List<DlqEntry> entries = queries.query(
                        new ListDlqQuery(status, agent, limit, offset),
                        ResponseTypes.multipleInstancesOf(DlqEntry.class))
                .join();
        return new FailedTasksResponse(entries.size(), entries);
    }

    @PostMapping("/api/v1/failed-tasks/{taskId}/retry")
    @Operation(summary = "Send a task waiting in the dead letter queue back to the queue")
    RetryResponse retryFromDlq(@PathVariable String taskId, Principal principal) {
        TaskId id = TaskIdParameter.parse(taskId);
        Optional<DlqEntry> entry = queries.query(
                        new FindDlqEntryQuery(id), ResponseTypes.optionalInstanceOf(DlqEntry.class))
                .join();
        if (entry.isEmpty()) {
            throw new ApiException(ApiErrorCode.NOT_FOUND, "task " + taskId + " is not in the dead letter queue");
        }
        if (!DlqEntry.PENDING.equals(entry.get().status())) {
            throw new ApiException(
                    ApiErrorCode.CONFLICT,
                    "task " + taskId + " was already " + entry.get().status());
        }
        return requeue(id, principal);
    }

    private RetryResponse requeue(TaskId taskId, Principal principal) {
        commands.sendAndWait(new RequeueTaskCommand(taskId, principal.getName()));
        return new RetryResponse(true, "Task " + taskId + " requeued", taskId.toString(), "pending");
    }
}
