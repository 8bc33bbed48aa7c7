package io.taskforge.worker.command;

import io.taskforge.worker.WorkerCapabilities;
import io.taskforge.worker.WorkerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a worker, or register it again with its current capabilities. */
public record RegisterWorkerCommand(
        @TargetAggregateIdentifier WorkerId workerId, String backendType, WorkerCapabilities capabilities) {}
