package io.taskforge.engine.execution;

import io.taskforge.engine.commands.GroupCommit;
import io.taskforge.task.command.TaskRuleViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the engine's own commands, committed together with those other threads send at the same
 * moment ({@link GroupCommit}). The engine often races other actors (a cancel, another node's
 * sweeper): a command the task's rules refuse means the task has moved on, which is expected.
 */
@Component
class Commands {

    private static final Logger log = LoggerFactory.getLogger(Commands.class);

    private final GroupCommit commits;

    Commands(GroupCommit commits) {
        this.commits = commits;
    }

    /**
     * Sends and waits until the command is committed; true when it was accepted, false when the
     * task had moved on or it failed.
     */
    boolean sendQuietly(Object command) {
        try {
            commits.send(command);
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
