package io.taskforge.api.workers;

import java.util.Map;

/**
 * The task a claim handed the worker: seed 002's fields, plus what a worker needs to run it.
 *
 * @param parameters the task's input (seed 002's name); {@code input} is the same
 * @param fencingToken the attempt's number: every report and heartbeat about it must name it
 * @param timeoutSeconds how long the attempt may run before it is timed out
 */
record ClaimResponse(
        String id,
        String taskId,
        String problemId,
        String type,
        String status,
        Map<String, Object> parameters,
        Map<String, Object> input,
        Map<String, Object> metadata,
        int fencingToken,
        int attempt,
        long timeoutSeconds) {}
