package io.taskforge.api.workers;

/** Seed 002's scale body. */
record ScaleRequest(Integer numWorkers) {}
