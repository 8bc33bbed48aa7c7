package io.taskforge.api.web;

import io.taskforge.task.TaskId;

/** Reads a task id from a path; an id that is not a UUID names no task, so it is a 404. */
public final class TaskIdParameter {

    private TaskIdParameter() {}

    public static TaskId parse(String text) {
        try {
            return TaskId.parse(text);
        } catch (IllegalArgumentException notAUuid) {
            throw notFound(text);
        }
    }

    public static ApiException notFound(String taskId) {
        return new ApiException(ApiErrorCode.NOT_FOUND, "task " + taskId + " not found");
    }
}
