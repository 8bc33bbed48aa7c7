package io.taskforge.task.event;

import io.taskforge.task.TaskId;
import java.time.Instant;

/** Common shape of every event in a task's stream. */
public interface TaskEvent {

    TaskId taskId();

    /** When the fact happened, as the engine's clock saw it. */
    Instant occurredAt();
}
