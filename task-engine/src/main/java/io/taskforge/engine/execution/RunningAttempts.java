package io.taskforge.engine.execution;

import io.taskforge.task.TaskId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The attempts running on this node right now, so they can be stopped from outside. */
@Component
public class RunningAttempts {

    private final Map<TaskId, AttemptContext> running = new ConcurrentHashMap<>();

    void add(AttemptContext context) {
        running.put(context.taskId(), context);
    }

    void remove(AttemptContext context) {
        running.remove(context.taskId(), context);
    }

    /** Stops the task's attempt if it runs here. */
    void stop(TaskId taskId, AttemptContext.StopReason reason) {
        AttemptContext context = running.get(taskId);
        if (context != null) {
            context.stop(reason);
        }
    }

    /** The attempts running here now. */
    List<AttemptContext> snapshot() {
        return List.copyOf(running.values());
    }

    public boolean isRunningHere(TaskId taskId) {
        return running.containsKey(taskId);
    }

    public Set<TaskId> taskIds() {
        return Set.copyOf(running.keySet());
    }
}
