package io.taskforge.task.recovery;

import java.util.List;

/**
 * A chain as it stood when a task took it up: the task follows these steps to the end, whatever
 * later edits of the chain say.
 */
public record FallbackChainSnapshot(FallbackChainId chainId, String name, int version, List<FallbackStep> steps) {

    public FallbackChainSnapshot {
        steps = List.copyOf(steps);
    }
}
