package io.taskforge.engine.axon;

import io.taskforge.engine.persistence.AfterCommit;
import io.taskforge.task.TaskId;
import io.taskforge.task.event.TaskCancelledEvent;
import io.taskforge.task.event.TaskCompletedEvent;
import io.taskforge.task.event.TaskFailedEvent;
import io.taskforge.task.event.TaskTimedOutEvent;
import io.taskforge.task.processing.ProcessingGroups;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Takes a task out of the aggregate cache once the transaction that finished it commits. A finished
 * task seldom gets another command (a retry from the dead letter queue, an archive), and one that
 * does is read back from its events; the cache's room goes to the tasks still waiting or running.
 * Under the least-recently-used rule alone, the finished tasks of a busy node pushed out the
 * waiting ones, so that a drained backlog read every task back on its first start (decision 0018).
 */
@Component
@ProcessingGroup(ProcessingGroups.TASK_CACHE)
class FinishedTaskEviction {

    private final Cache tasks;

    FinishedTaskEviction(@Qualifier(AxonConfiguration.TASK_CACHE) Cache tasks) {
        this.tasks = tasks;
    }

    @EventHandler
    void on(TaskCompletedEvent event) {
        evict(event.taskId());
    }

    @EventHandler
    void on(TaskFailedEvent event) {
        evict(event.taskId());
    }

    @EventHandler
    void on(TaskTimedOutEvent event) {
        evict(event.taskId());
    }

    @EventHandler
    void on(TaskCancelledEvent event) {
        evict(event.taskId());
    }

    private void evict(TaskId taskId) {
        AfterCommit.run(() -> tasks.remove(taskId.toString()));
    }
}
