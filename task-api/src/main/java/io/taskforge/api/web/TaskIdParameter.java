package io.taskforge.api.web;

import io.taskforge.task.TaskId;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads how a path names a task: by its id (a UUID) or by its number (digits only). Anything else
 * names no task, so it is a 404.
 */
public final class TaskIdParameter {

    /** Up to 18 digits always fit a {@code long}. */
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");

    private TaskIdParameter() {}

    /** The task number the path gives, when it gives one instead of a task id. */
    public static OptionalLong number(String text) {
        return NUMBER.matcher(text).matches() ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
    }

    /** The task id the path gives; a 404 when it is not a task id. */
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
