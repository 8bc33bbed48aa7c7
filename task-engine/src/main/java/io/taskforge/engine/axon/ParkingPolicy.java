package io.taskforge.engine.axon;

import io.taskforge.task.StorableText;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * Parks every event a read model fails on, with a cause a person can read: the first line of the
 * failure's message and, when deeper, of its root cause (the database's words), cleaned and cut to
 * fit the dead-letter table. Only first lines, because PostgreSQL goes on with the values of the row
 * it refused, which may hold a task's secrets.
 */
final class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        return Decisions.enqueue(new ThrowableCause(cause.getClass().getName(), describe(cause)));
    }

    static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = firstLine(cause.getMessage());
        String rootMessage = firstLine(root.getMessage());
        if (root != cause && !message.contains(rootMessage)) {
            message += " (caused by " + root.getClass().getSimpleName() + ": " + rootMessage + ")";
        }
        return StorableText.clean(message, ThrowableCause.TRUNCATED_MESSAGE_SIZE);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
