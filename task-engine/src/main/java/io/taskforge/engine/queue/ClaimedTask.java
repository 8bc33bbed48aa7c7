package io.taskforge.engine.queue;

import io.taskforge.task.TaskId;
import java.util.Map;

/**
 * A task this node claimed and may now start.
 *
 * @param attempt the attempt to start
 */
public record ClaimedTask(
        TaskId taskId,
        String type,
        String provider,
        int attempt,
        long timeoutSeconds,
        Map<String, Object> input,
        Map<String, Object> metadata) {}
