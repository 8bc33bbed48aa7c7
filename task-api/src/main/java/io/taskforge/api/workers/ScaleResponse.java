package io.taskforge.api.workers;

/** Seed 002's answer to a scale. */
record ScaleResponse(String message, int previousCount, int newCount) {}
