package io.taskforge.engine.queue;

import io.taskforge.task.TaskId;
import java.time.Instant;

/** A queue row in the running state, as the sweeper and stall detection see it. */
public record RunningTask(
        TaskId taskId,
        String type,
        int attempt,
        String workerId,
        Instant leaseUntil,
        Instant deadline,
        Instant startedAt,
        Instant progressAt) {}
