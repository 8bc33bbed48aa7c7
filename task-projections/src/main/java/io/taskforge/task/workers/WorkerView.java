package io.taskforge.task.workers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered worker as the workers read model shows it.
 *
 * @param status {@code idle}, {@code busy} (running at least one attempt) or {@code offline}
 * @param registeredAt its latest registration
 * @param updatedAt its latest registration or status change
 * @param currentTasks the tasks whose attempts it runs now
 * @param tasksCompleted its attempts that succeeded
 * @param tasksFailed its attempts that failed or timed out
 * @param offlineReason why it went offline; null while online
 */
public record WorkerView(
        String workerId,
        String backendType,
        String status,
        Instant registeredAt,
        Instant updatedAt,
        int maxParallelTasks,
        List<String> supportedProblems,
        List<UUID> currentTasks,
        long tasksCompleted,
        long tasksFailed,
        String offlineReason) {

    public static final String IDLE = "idle";
    public static final String BUSY = "busy";
    public static final String OFFLINE = "offline";
}
