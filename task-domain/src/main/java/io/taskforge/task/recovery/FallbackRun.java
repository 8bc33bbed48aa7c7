package io.taskforge.task.recovery;

import java.util.List;

/**
 * What a task went through in a fallback chain before it was given up.
 *
 * @param stepsApplied the strategies of the steps that ran, in order
 * @param steps how many steps the chain has
 * @param escalated true when the chain ended by escalating to a person
 */
public record FallbackRun(
        FallbackChainId chainId,
        String name,
        int version,
        List<FallbackStrategy> stepsApplied,
        int steps,
        boolean escalated) {

    public FallbackRun {
        stepsApplied = List.copyOf(stepsApplied);
    }
}
