package io.taskforge.handler;

import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskId;

/**
 * Lets code inside the engine's process (an adapter, a handler starting follow-up work) create and
 * cancel tasks through the same commands as the API, so the event store holds what it did.
 */
public interface TaskSubmitter {

    /**
     * Creates a new task from the definition; every call creates one (idempotency keys are not looked
     * up).
     *
     * @return the new task's id
     * @throws InvalidTaskInputException when no handler runs the type, or its input or a field cannot
     *     be used
     */
    TaskId submit(TaskDefinition definition);

    /**
     * Cancels the task unless it has finished.
     *
     * @return false when the task had finished or does not exist
     */
    boolean cancel(TaskId taskId, String reason, String requestedBy);
}
