package io.taskforge.engine.logs;

import io.taskforge.task.event.TaskEvent;
import io.taskforge.task.processing.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Writes the engine's line about each event that has something to say into the task's log; a
 * replay rebuilds these lines and leaves the handlers' alone.
 */
@Component
@ProcessingGroup(ProcessingGroups.TASK_LOG)
class TaskLogProjection {

    private final TaskLogStore store;

    TaskLogProjection(TaskLogStore store) {
        this.store = store;
    }

    @EventHandler
    void on(TaskEvent event, @SequenceNumber long sequence) {
        EngineLogLines.of(event)
                .ifPresent(line -> store.appendEngineLine(event.taskId(), sequence, event.occurredAt(), line));
    }

    @ResetHandler
    void reset() {
        store.deleteEngineLines();
    }
}
