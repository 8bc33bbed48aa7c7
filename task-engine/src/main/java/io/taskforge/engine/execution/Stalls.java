package io.taskforge.engine.execution;

import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The stalls found by one look at the queue, indexed by the task or the type each holds up. */
public final class Stalls {

    public static final Stalls NONE = new Stalls(List.of());

    private final List<Stall> all;
    private final Map<TaskId, Stall> byTask = new HashMap<>();
    private final Map<String, Stall> noRunnerByType = new HashMap<>();

    Stalls(List<Stall> all) {
        this.all = List.copyOf(all);
        for (Stall stall : all) {
            if (stall.taskId() != null) {
                byTask.putIfAbsent(stall.taskId(), stall);
            } else {
                noRunnerByType.putIfAbsent(stall.type(), stall);
            }
        }
    }

    public List<Stall> all() {
        return all;
    }

    /** The stall of a running task, or null. */
    public Stall ofTask(TaskId taskId) {
        return byTask.get(taskId);
    }

    /** What holds up a task: its own stall while it runs, its type's lack of a runner while it waits. */
    public Stall holdingUp(TaskId taskId, TaskStatus status, String type) {
        if (status == TaskStatus.RUNNING) {
            return byTask.get(taskId);
        }
        if (status.isWaiting()) {
            return noRunnerByType.get(type);
        }
        return null;
    }
}
