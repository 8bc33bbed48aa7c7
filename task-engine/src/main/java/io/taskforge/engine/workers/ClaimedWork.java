package io.taskforge.engine.workers;

import io.taskforge.engine.queue.ClaimedTask;
import io.taskforge.task.TaskId;
import java.util.Map;

/**
 * A task a worker claimed, whose attempt now runs on it.
 *
 * @param problemId the submitter's problem id (seed 002); may be null
 * @param fencingToken the attempt's number: every report and heartbeat about it names it
 */
public record ClaimedWork(
        TaskId taskId,
        String type,
        String problemId,
        int fencingToken,
        long timeoutSeconds,
        Map<String, Object> input,
        Map<String, Object> metadata) {

    static ClaimedWork of(ClaimedTask task) {
        return new ClaimedWork(
                task.taskId(),
                task.type(),
                task.problemId(),
                task.attempt(),
                task.timeoutSeconds(),
                task.input(),
                task.metadata());
    }
}
