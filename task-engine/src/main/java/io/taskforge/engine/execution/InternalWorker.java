package io.taskforge.engine.execution;

import io.taskforge.task.TaskId;

/**
 * One of this node's internal workers.
 *
 * @param currentTask the task it runs; null when idle
 */
public record InternalWorker(String id, Status status, TaskId currentTask) {

    /** What an internal worker does now. */
    public enum Status {
        /** Waits for work. */
        IDLE,
        /** Runs an attempt. */
        BUSY,
        /** Finishes its attempt, then leaves: the pool was stopped or scaled below it. */
        STOPPING,
        /** The pool is stopped; takes no work until it starts again. */
        STOPPED
    }
}
