package io.taskforge.engine.workers;

import io.taskforge.task.TaskId;
import java.time.Instant;
import java.util.Set;

/**
 * What a heartbeat tells the worker.
 *
 * @param stop the tasks it named that are no longer its to run: cancelled, timed out, or retried elsewhere
 */
public record HeartbeatAnswer(Instant at, Set<TaskId> stop) {}
