package io.taskforge.task.command;

import io.taskforge.task.TaskId;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Run a failed, timed-out or cancelled task again, with a fresh retry budget.
 *
 * @param reason why, in the requester's words; may be null
 * @param input the input to run with from now on, replacing the task's; null to keep it
 */
public record RequeueTaskCommand(
        @TargetAggregateIdentifier TaskId taskId, String requestedBy, String reason, Map<String, Object> input) {

    public RequeueTaskCommand(TaskId taskId, String requestedBy) {
        this(taskId, requestedBy, null, null);
    }
}
