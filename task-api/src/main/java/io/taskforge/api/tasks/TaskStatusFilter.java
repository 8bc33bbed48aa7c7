package io.taskforge.api.tasks;

import io.taskforge.api.web.ApiErrorCode;
import io.taskforge.api.web.ApiException;
import io.taskforge.task.TaskStatus;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The {@code status} filter of task lists and live streams. */
public final class TaskStatusFilter {

    private TaskStatusFilter() {}

    /** Accepts a comma-separated list; {@code processing} (seed 004's word) means running. */
    public static Set<TaskStatus> parse(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        Set<TaskStatus> statuses = EnumSet.noneOf(TaskStatus.class);
        for (String word : text.split(",")) {
            String name = word.trim().toLowerCase(Locale.ROOT);
            statuses.add(name.equals("processing") ? TaskStatus.RUNNING : statusNamed(name));
        }
        return statuses;
    }

    private static TaskStatus statusNamed(String name) {
        return Arrays.stream(TaskStatus.values())
                .filter(status -> status.wireName().equals(name))
                .findFirst()
                .orElseThrow(
                        () -> new ApiException(
                                ApiErrorCode.BAD_REQUEST,
                                "unknown status '" + name
                                        + "'; use pending, running (or processing), retry_scheduled, completed, failed, timeout or cancelled"));
    }
}
