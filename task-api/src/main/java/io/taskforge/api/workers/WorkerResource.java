package io.taskforge.api.workers;

import io.swagger.v3.oas.annotations.media.Schema;
import io.taskforge.task.workers.WorkerView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered worker: seed 002's fields, plus its registration, what it runs now and why it went
 * offline.
 *
 * @param status {@code idle}, {@code busy} (running at least one attempt) or {@code offline}
 * @param lastHeartbeat its last heartbeat or claim
 * @param currentTasks the tasks whose attempts it runs
 * @param tasksCompleted its attempts that succeeded
 * @param tasksFailed its attempts that failed or timed out
 */
record WorkerResource(
        String id,
        String backendType,
        String status,
        Instant lastHeartbeat,
        Capabilities capabilities,
        long tasksCompleted,
        long tasksFailed,
        List<UUID> currentTasks,
        Instant registeredAt,
        String offlineReason) {

    /** What the worker can take on. */
    @Schema(name = "WorkerCapabilities")
    record Capabilities(int maxParallelTasks, List<String> supportedProblems) {}

    static WorkerResource of(WorkerView view, Instant lastHeartbeat) {
        return new WorkerResource(
                view.workerId(),
                view.backendType(),
                view.status(),
                lastHeartbeat,
                new Capabilities(view.maxParallelTasks(), view.supportedProblems()),
                view.tasksCompleted(),
                view.tasksFailed(),
                view.currentTasks(),
                view.registeredAt(),
                view.offlineReason());
    }
}
