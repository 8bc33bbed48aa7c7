package io.taskforge.api.workers;

/**
 * Progress of a claimed attempt.
 *
 * @param progress percent done, 0 to 100
 */
record ProgressRequest(Integer fencingToken, Integer progress, String message) {}
