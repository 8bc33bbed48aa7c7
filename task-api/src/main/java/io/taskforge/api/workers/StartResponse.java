package io.taskforge.api.workers;

/** Seed 002's answer to a start. */
record StartResponse(String message, int workerCount) {}
