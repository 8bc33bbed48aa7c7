package io.taskforge.api.workers;

/**
 * Seed 002's answer to a stop.
 *
 * @param stoppedCount workers that were running; 0 when the pool was stopped already
 */
record StopResponse(String message, int stoppedCount) {}
