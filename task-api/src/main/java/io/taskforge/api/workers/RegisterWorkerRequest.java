package io.taskforge.api.workers;

/** Seed 002's registration body; a second registration of the same {@code worker_id} updates the worker. */
record RegisterWorkerRequest(String workerId, String backendType, CapabilitiesBody capabilities) {}
