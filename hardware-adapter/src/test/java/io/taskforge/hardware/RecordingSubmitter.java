package io.taskforge.hardware;

import io.taskforge.handler.InvalidTaskInputException;
import io.taskforge.handler.TaskSubmitter;
import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** The engine's submitter as the poll loop sees it: records what it was asked to create and cancel. */
final class RecordingSubmitter implements TaskSubmitter {

    record Created(TaskId taskId, TaskDefinition definition) {}

    record Cancelled(TaskId taskId, String reason, String requestedBy) {}

    private final Set<String> knownTypes;
    private final List<Created> created = new CopyOnWriteArrayList<>();
    private final List<Cancelled> cancelled = new CopyOnWriteArrayList<>();

    RecordingSubmitter(Set<String> knownTypes) {
        this.knownTypes = knownTypes;
    }

    List<Created> created() {
        return List.copyOf(created);
    }

    List<Cancelled> cancelled() {
        return List.copyOf(cancelled);
    }

    @Override
    public TaskId submit(TaskDefinition definition) {
        if (!knownTypes.contains(definition.type())) {
            throw new InvalidTaskInputException("unknown task type '" + definition.type() + "'");
        }
        TaskId taskId = TaskId.random();
        created.add(new Created(taskId, definition));
        return taskId;
    }

    @Override
    public boolean cancel(TaskId taskId, String reason, String requestedBy) {
        cancelled.add(new Cancelled(taskId, reason, requestedBy));
        return true;
    }
}
