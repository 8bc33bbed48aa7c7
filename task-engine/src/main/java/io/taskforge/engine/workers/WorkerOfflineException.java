package io.taskforge.engine.workers;

import io.taskforge.worker.WorkerId;

/** An offline worker asked for work or sent a heartbeat: it must register again first. */
public class WorkerOfflineException extends RuntimeException {

    public WorkerOfflineException(WorkerId workerId) {
        super("worker " + workerId.value() + " is offline; register it again before it claims or sends heartbeats");
    }
}
