package io.taskforge.engine.execution;

/** The worker id under which this node starts attempts and holds their leases. */
public record WorkerIdentity(String id) {}
