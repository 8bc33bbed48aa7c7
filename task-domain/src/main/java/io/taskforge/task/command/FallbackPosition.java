package io.taskforge.task.command;

import io.taskforge.task.recovery.FallbackChainSnapshot;
import io.taskforge.task.recovery.FallbackRun;
import io.taskforge.task.recovery.FallbackStep;
import io.taskforge.task.recovery.FallbackStrategy;
import java.util.Map;

/** Where a task stands in its fallback chain, and how its attempts run there. */
record FallbackPosition(
        FallbackChainSnapshot chain, int stepIndex, String type, String provider, Map<String, Object> input) {

    FallbackStep step() {
        return chain.steps().get(stepIndex);
    }

    boolean hasNext() {
        return stepIndex + 1 < chain.steps().size();
    }

    String describe() {
        return "fallback chain " + chain.name() + " step " + (stepIndex + 1) + " of "
                + chain.steps().size() + " (" + step().strategy().wireName() + ")";
    }

    FallbackRun run() {
        return new FallbackRun(
                chain.chainId(),
                chain.name(),
                chain.version(),
                chain.steps().subList(0, stepIndex + 1).stream()
                        .map(FallbackStep::strategy)
                        .toList(),
                chain.steps().size(),
                step().strategy() == FallbackStrategy.ESCALATE);
    }
}
