package io.taskforge.api.workers;

import java.time.Instant;
import java.util.List;

/**
 * Seed 002's answer to a heartbeat, plus what the worker must stop.
 *
 * @param cancelledTaskIds tasks the worker named that are no longer its to run (cancelled, timed
 *     out, or retried elsewhere): it should stop them and report nothing more about them
 */
record HeartbeatResponse(String message, Instant timestamp, List<String> cancelledTaskIds) {}
