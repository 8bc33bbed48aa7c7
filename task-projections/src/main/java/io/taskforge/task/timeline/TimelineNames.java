package io.taskforge.task.timeline;

import io.taskforge.task.event.AlertRaisedEvent;
import io.taskforge.task.event.AttemptFailedEvent;
import io.taskforge.task.event.AttemptSucceededEvent;
import io.taskforge.task.event.CircuitBreakerOpenedEvent;
import io.taskforge.task.event.FallbackStepAppliedEvent;
import io.taskforge.task.event.MovedToDlqEvent;
import io.taskforge.task.event.TaskCancelledEvent;
import io.taskforge.task.event.TaskEvent;
import io.taskforge.task.event.TaskFailedEvent;
import io.taskforge.task.event.TaskRetryScheduledEvent;
import io.taskforge.task.event.TaskTimedOutEvent;
import java.util.Locale;
import java.util.Map;

/**
 * How events are named and graded on a timeline. Names follow the seed 003 documentation where it
 * names an event ({@code attempt_success}, {@code task_retried}); the others are the event's class
 * name in snake case without the {@code Event} suffix.
 */
final class TimelineNames {

    private static final Map<Class<?>, String> SEED_NAMES =
            Map.of(AttemptSucceededEvent.class, "attempt_success", TaskRetryScheduledEvent.class, "task_retried");

    private static final Map<Class<?>, String> SEVERITIES = Map.of(
            AttemptFailedEvent.class, "error",
            TaskFailedEvent.class, "error",
            TaskTimedOutEvent.class, "error",
            CircuitBreakerOpenedEvent.class, "critical",
            MovedToDlqEvent.class, "warning",
            TaskCancelledEvent.class, "warning",
            FallbackStepAppliedEvent.class, "warning",
            AlertRaisedEvent.class, "warning");

    /** Each event class's name, worked out once: every stored event and every timeline read needs it. */
    private static final ClassValue<String> TYPES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> eventType) {
            String seedName = SEED_NAMES.get(eventType);
            if (seedName != null) {
                return seedName;
            }
            String simple = eventType.getSimpleName().replaceFirst("Event$", "");
            return simple.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        }
    };

    private TimelineNames() {}

    static String typeOf(TaskEvent event) {
        return TYPES.get(event.getClass());
    }

    static String severityOf(TaskEvent event) {
        return SEVERITIES.getOrDefault(event.getClass(), "info");
    }
}
