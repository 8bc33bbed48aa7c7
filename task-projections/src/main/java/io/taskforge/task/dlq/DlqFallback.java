package io.taskforge.task.dlq;

import io.taskforge.task.recovery.FallbackRun;
import io.taskforge.task.recovery.FallbackStrategy;
import java.util.List;

/**
 * The fallback chain a dead-lettered task went through.
 *
 * @param stepsApplied the strategies of the steps that ran, in order
 * @param steps how many steps the chain has
 * @param escalated true when the chain ended by escalating to a person
 */
public record DlqFallback(
        String chainId, String name, int version, List<String> stepsApplied, int steps, boolean escalated) {

    static DlqFallback of(FallbackRun run) {
        return new DlqFallback(
                run.chainId().toString(),
                run.name(),
                run.version(),
                run.stepsApplied().stream().map(FallbackStrategy::wireName).toList(),
                run.steps(),
                run.escalated());
    }
}
