package io.taskforge.worker.command;

import io.taskforge.worker.WorkerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a worker offline, saying why and when it was last heard of. */
public record MarkWorkerOfflineCommand(
        @TargetAggregateIdentifier WorkerId workerId, String reason, Instant lastHeartbeatAt) {}
