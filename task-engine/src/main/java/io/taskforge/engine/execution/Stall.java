package io.taskforge.engine.execution;

import io.taskforge.task.TaskId;
import java.time.Instant;

/**
 * Work that is not moving, and why.
 *
 * @param kind {@code no_runner} (due work of a type nobody runs), {@code no_progress} (a runner
 *     heartbeats but its progress is frozen) or {@code runner_gone} (the runner's lease expired)
 * @param taskId the stalled task; null for {@code no_runner}, which concerns a whole type
 * @param since when the work stopped moving
 */
public record Stall(String kind, String type, TaskId taskId, String reason, Instant since) {

    public static final String NO_RUNNER = "no_runner";
    public static final String NO_PROGRESS = "no_progress";
    public static final String RUNNER_GONE = "runner_gone";
}
