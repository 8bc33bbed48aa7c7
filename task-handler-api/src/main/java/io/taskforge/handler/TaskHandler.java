package io.taskforge.handler;

import java.util.Map;

/**
 * Runs tasks of one type. Implementations are Spring beans; the engine picks one by {@link #type()}.
 *
 * <p>A handler signals failure by throwing: {@link RetryableTaskException} or
 * {@link PermanentTaskException} when it knows whether trying again can help, any other exception
 * when it does not (the engine then classifies it). It must stop promptly once
 * {@link TaskContext#isCancelled()} turns true or its thread is interrupted.
 */
public interface TaskHandler {

    /** The type name clients submit, such as {@code http}. */
    String type();

    /**
     * Checks a submission's input before the task is accepted.
     *
     * @throws InvalidTaskInputException when the input cannot work
     */
    default void validate(Map<String, Object> input) {}

    /**
     * The external system a task with this input depends on, for circuit breaking; null when none.
     * Used when the submission names no provider itself.
     */
    default String provider(Map<String, Object> input) {
        return null;
    }

    /**
     * Runs one attempt.
     *
     * @return the task's result, shown to clients as {@code result}
     */
    Map<String, Object> execute(TaskContext context) throws Exception;
}
