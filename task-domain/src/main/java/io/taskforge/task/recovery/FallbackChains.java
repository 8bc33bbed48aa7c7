package io.taskforge.task.recovery;

import io.taskforge.task.ErrorClassification;
import io.taskforge.task.TaskError;
import java.util.Optional;

/**
 * Finds the chain that takes over a task whose retries are spent: the Task aggregate asks it
 * before it gives a task up, and the engine answers from the chains as they stand.
 */
@FunctionalInterface
public interface FallbackChains {

    /** No chains at all. */
    FallbackChains NONE = (type, provider, error, classification) -> Optional.empty();

    Optional<FallbackChainSnapshot> matching(
            String type, String provider, TaskError error, ErrorClassification classification);
}
