package io.taskforge.execution;

import java.util.Map;

/**
 * Runs tasks of one type. Implementations are Spring beans; the engine picks one by {@link #type()}.
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
}
