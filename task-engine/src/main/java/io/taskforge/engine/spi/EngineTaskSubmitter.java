package io.taskforge.engine.spi;

import io.taskforge.engine.execution.TaskHandlers;
import io.taskforge.engine.numbering.TaskNumbers;
import io.taskforge.handler.InvalidTaskInputException;
import io.taskforge.handler.TaskHandler;
import io.taskforge.handler.TaskSubmitter;
import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskId;
import io.taskforge.task.command.CancelTaskCommand;
import io.taskforge.task.command.CreateTaskCommand;
import io.taskforge.task.command.TaskRuleViolationException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The {@link TaskSubmitter} for code in the engine's process: a definition is checked as a submission
 * through the API is (a handler for its type, its input, storable values) and created with a number
 * drawn from the engine's sequence. Handlers may use it (a loop whose presses create tasks), so it
 * looks the handlers up when it first needs them rather than when it is built.
 */
@Component
class EngineTaskSubmitter implements TaskSubmitter {

    private final CommandGateway commands;
    private final ObjectProvider<TaskHandlers> handlers;
    private final TaskNumbers numbers;

    EngineTaskSubmitter(CommandGateway commands, ObjectProvider<TaskHandlers> handlers, TaskNumbers numbers) {
        this.commands = commands;
        this.handlers = handlers;
        this.numbers = numbers;
    }

    @Override
    public TaskId submit(TaskDefinition definition) {
        TaskHandlers known = handlers.getObject();
        TaskHandler handler = known.find(definition.type())
                .orElseThrow(() -> new InvalidTaskInputException("unknown task type '" + definition.type()
                        + "'; known types: " + String.join(", ", known.types())));
        handler.validate(definition.input());
        definition.storageProblem().ifPresent(problem -> {
            throw new InvalidTaskInputException(problem);
        });
        TaskId taskId = TaskId.random();
        commands.sendAndWait(new CreateTaskCommand(taskId, numbers.next(), definition));
        return taskId;
    }

    @Override
    public boolean cancel(TaskId taskId, String reason, String requestedBy) {
        try {
            commands.sendAndWait(new CancelTaskCommand(taskId, reason, requestedBy));
            return true;
        } catch (TaskRuleViolationException | AggregateNotFoundException finishedOrUnknown) {
            return false;
        }
    }
}
