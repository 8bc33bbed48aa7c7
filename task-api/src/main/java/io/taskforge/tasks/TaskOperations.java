package io.taskforge.tasks;

import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskId;
import io.taskforge.task.command.CancelTaskCommand;
import io.taskforge.task.command.CreateTaskCommand;
import io.taskforge.task.query.FindTaskQuery;
import io.taskforge.task.query.ListTasksQuery;
import io.taskforge.task.query.TaskView;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Sends task commands and queries through Axon's gateways. */
@Component
class TaskOperations {

    /** How long a submission waits for the task view to show the new task. */
    static final Duration VIEW_WAIT = Duration.ofSeconds(10);

    private final CommandGateway commands;
    private final QueryGateway queries;

    TaskOperations(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /**
     * Creates the task and returns its view once the projection has it, so the submitter can read
     * its own write; empty if the view did not catch up in time (the task exists regardless).
     */
    Optional<TaskView> submit(TaskId taskId, TaskDefinition definition) {
        try (SubscriptionQueryResult<Optional<TaskView>, TaskView> view = queries.subscriptionQuery(
                new FindTaskQuery(taskId),
                ResponseTypes.optionalInstanceOf(TaskView.class),
                ResponseTypes.instanceOf(TaskView.class))) {
            commands.sendAndWait(new CreateTaskCommand(taskId, definition));
            return Mono.firstWithValue(
                            view.initialResult().flatMap(Mono::justOrEmpty),
                            view.updates().next())
                    .timeout(VIEW_WAIT, Mono.empty())
                    .blockOptional();
        }
    }

    Optional<TaskView> find(TaskId taskId) {
        return queries.query(new FindTaskQuery(taskId), ResponseTypes.optionalInstanceOf(TaskView.class))
                .join();
    }

    List<TaskView> list(ListTasksQuery query) {
        return queries.query(query, ResponseTypes.multipleInstancesOf(TaskView.class))
                .join();
    }

    void cancel(TaskId taskId, String requestedBy) {
        commands.sendAndWait(new CancelTaskCommand(taskId, "cancelled through the API", requestedBy));
    }
}
