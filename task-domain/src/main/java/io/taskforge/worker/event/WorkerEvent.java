package io.taskforge.worker.event;

import io.taskforge.worker.WorkerId;
import java.time.Instant;

/** Common shape of every event in a worker's stream. */
public interface WorkerEvent {

    WorkerId workerId();

    /** When the fact happened, as the engine's clock saw it. */
    Instant occurredAt();
}
