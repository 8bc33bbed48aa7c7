package io.taskforge.api.workers;

import java.util.List;

/**
 * Seed 002's heartbeat body, plus the fencing tokens of what the worker runs.
 *
 * @param status {@code idle}, {@code busy}, or {@code offline} when the worker is leaving
 * @param currentTaskId the task it runs (seed 002); needs {@code fencing_token}
 * @param fencingToken the fencing token of {@code current_task_id}'s claim
 * @param currentTasks every attempt it runs, for a worker that runs several at once
 */
record HeartbeatRequest(
        String status, String currentTaskId, Integer fencingToken, List<RunningTaskBody> currentTasks) {}
