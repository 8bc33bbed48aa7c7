package io.taskforge.engine.workers;

import io.taskforge.worker.WorkerId;

/** A request names a worker that never registered. */
public class UnknownWorkerException extends RuntimeException {

    public UnknownWorkerException(WorkerId workerId) {
        super("worker " + workerId.value() + " is not registered");
    }
}
