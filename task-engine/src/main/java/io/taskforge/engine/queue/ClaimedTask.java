package io.taskforge.engine.queue;

import io.taskforge.task.TaskId;
import java.util.Map;

/**
 * A task this node claimed and may now start.
 *
 * @param problemId the submitter's problem id (seed 002); may be null
 * @param attempt the attempt to start
 */
public record ClaimedTask(
        TaskId taskId,
        String type,
        String problemId,
        String provider,
        int attempt,
        long timeoutSeconds,
        Map<String, Object> input,
        Map<String, Object> metadata) {}
