package io.taskforge.engine.execution;

import io.taskforge.engine.queue.RunningTask;
import io.taskforge.engine.queue.TaskQueue;
import io.taskforge.task.TaskId;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The liveness running attempts reported, for the lists that show running tasks. */
@Component
public class LivenessReports {

    private final TaskQueue queue;

    LivenessReports(TaskQueue queue) {
        this.queue = queue;
    }

    /** Per task among the given ones, what its running attempt last reported; tasks that report none are absent. */
    public Map<TaskId, ReportedLiveness> of(Set<TaskId> taskIds) {
        return queue.running(taskIds).stream()
                .filter(task -> task.aliveAt() != null)
                .collect(Collectors.toMap(
                        RunningTask::taskId,
                        task -> new ReportedLiveness(task.aliveStatus(), task.aliveAt(), task.aliveUntil())));
    }
}
