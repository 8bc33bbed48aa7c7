package io.taskforge.engine.workers;

import io.taskforge.worker.WorkerCapabilities;
import io.taskforge.worker.WorkerId;
import java.time.Instant;

/** What the engine knows of a registered worker's liveness, and what it may claim. */
record Liveness(
        WorkerId workerId,
        boolean online,
        Instant registeredAt,
        Instant lastHeartbeat,
        WorkerCapabilities capabilities) {}
