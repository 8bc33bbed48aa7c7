package io.taskforge.engine.execution;

import io.taskforge.task.event.TaskCancelledEvent;
import io.taskforge.task.processing.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Stops a cancelled task's attempt at once when it runs on this node, after the cancellation is
 * committed. Attempts on other nodes stop at their next heartbeat ({@link LeaseKeeper}).
 */
@Component
@ProcessingGroup(ProcessingGroups.TASK_QUEUE)
class CancellationListener {

    private final RunningAttempts running;

    CancellationListener(RunningAttempts running) {
        this.running = running;
    }

    @EventHandler
    void on(TaskCancelledEvent event) {
        CurrentUnitOfWork.ifStarted(unitOfWork ->
                unitOfWork.afterCommit(committed -> running.stop(event.taskId(), AttemptContext.StopReason.CANCELLED)));
    }
}
