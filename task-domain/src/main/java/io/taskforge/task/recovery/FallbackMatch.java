package io.taskforge.task.recovery;

import io.taskforge.task.ErrorClassification;
import io.taskforge.task.TaskError;
import io.taskforge.task.policy.ErrorKinds;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which failures a chain takes over. A criterion left out matches anything. A failure whose retries
 * are spent (or whose breaker is open) matches when its error answers to one of {@code errorTypes},
 * or to any error when the list is empty; a permanent failure only when its error is listed by name,
 * since a chain is there to recover what retries could not, not to paper over bad requests.
 *
 * @param type the task's handler type
 * @param provider the provider the failed attempt ran against
 * @param errorTypes error types or kinds ({@link ErrorKinds}), such as {@code server_error}
 */
public record FallbackMatch(String type, String provider, List<String> errorTypes) {

    public FallbackMatch {
        errorTypes = errorTypes == null
                ? List.of()
                : errorTypes.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }

    public boolean matches(String taskType, String taskProvider, TaskError error, ErrorClassification classification) {
        if (type != null && !type.equals(taskType)) {
            return false;
        }
        if (provider != null && !provider.equals(taskProvider)) {
            return false;
        }
        Set<String> kinds = ErrorKinds.of(error);
        if (errorTypes.isEmpty()) {
            return classification != ErrorClassification.PERMANENT;
        }
        return errorTypes.stream().anyMatch(kinds::contains);
    }

    /** How many criteria the match sets: a more specific chain wins over a broader one. */
    public int specificity() {
        return (type == null ? 0 : 1) + (provider == null ? 0 : 1) + (errorTypes.isEmpty() ? 0 : 1);
    }
}
