package io.taskforge.engine.execution;

import io.taskforge.engine.submission.CommandBatch;
import io.taskforge.task.command.TaskRuleViolationException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the engine's own commands, committed in groups with those other attempt threads send at the
 * same moment ({@link CommandGroups}). The engine often races other actors (a cancel, another
 * node's sweeper): a command the task's rules refuse means the task has moved on, which is expected.
 */
@Component
class Commands implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Commands.class);

    private final CommandGateway gateway;
    private final CommandGroups groups;
    private volatile boolean running;

    Commands(CommandGateway gateway, CommandBatch batch) {
        this.gateway = gateway;
        this.groups = new CommandGroups(batch, this::sendAlone);
    }

    /**
     * Sends and waits until the command is committed; true when it was accepted, false when the
     * task had moved on or it failed.
     */
    boolean sendQuietly(Object command) {
        return groups.send(command);
    }

    @Override
    public void start() {
        groups.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        groups.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private boolean sendAlone(Object command) {
        try {
            gateway.sendAndWait(command);
            return true;
        } catch (TaskRuleViolationException moved) {
            log.info(
                    "{} for task {} refused: {}",
                    command.getClass().getSimpleName(),
                    moved.taskId(),
                    moved.getMessage());
        } catch (AggregateNotFoundException gone) {
            log.warn("{} for a task that does not exist: {}", command.getClass().getSimpleName(), gone.getMessage());
        } catch (RuntimeException failure) {
            log.warn(
                    "{} failed; the sweeper will pick the task up again",
                    command.getClass().getSimpleName(),
                    failure);
        }
        return false;
    }
}
