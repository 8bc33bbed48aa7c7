package io.taskforge.tasks;

import io.taskforge.execution.Stall;
import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
import io.taskforge.task.query.TaskView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds the stall, if any, that holds up a task: its own, or its type's lack of a runner. */
final class StallIndex {

    private final Map<TaskId, Stall> byTask = new HashMap<>();
    private final Map<String, Stall> noRunnerByType = new HashMap<>();

    StallIndex(List<Stall> stalls) {
        for (Stall stall : stalls) {
            if (stall.taskId() != null) {
                byTask.put(stall.taskId(), stall);
            } else {
                noRunnerByType.put(stall.type(), stall);
            }
        }
    }

    Stall of(TaskView view) {
        if (view.status() == TaskStatus.RUNNING) {
            return byTask.get(view.taskId());
        }
        if (view.status() == TaskStatus.PENDING || view.status() == TaskStatus.RETRY_SCHEDULED) {
            return noRunnerByType.get(view.type());
        }
        return null;
    }
}
