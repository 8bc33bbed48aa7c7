package io.taskforge.task.recovery;

import io.taskforge.task.StorableText;
import io.taskforge.task.TaskDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a chain is: its name, the failures it takes over, and its steps in order.
 *
 * @param name unique among the chains, for people and for the dead letter queue's reasons
 */
public record FallbackChainConfig(String name, FallbackMatch match, List<FallbackStep> steps) {

    /** The most steps one chain may have. */
    public static final int MAX_STEPS = 20;

    public FallbackChainConfig {
        match = Objects.requireNonNullElse(match, new FallbackMatch(null, null, List.of()));
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** Everything wrong with the chain on its own, each naming the field; empty when it is valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("name is required");
        } else if (name.length() > TaskDefinition.MAX_NAME_CHARS) {
            problems.add("name is longer than " + TaskDefinition.MAX_NAME_CHARS + " characters");
        }
        StorableText.problemIn("name", name).ifPresent(problems::add);
        StorableText.problemIn("match.type", match.type()).ifPresent(problems::add);
        StorableText.problemIn("match.provider", match.provider()).ifPresent(problems::add);
        StorableText.problemIn("match.error_types", match.errorTypes()).ifPresent(problems::add);
        if (steps.isEmpty()) {
            problems.add("steps is empty; a chain needs at least one step");
        }
        if (steps.size() > MAX_STEPS) {
            problems.add("steps has " + steps.size() + " steps; at most " + MAX_STEPS + " are allowed");
        }
        for (int i = 0; i < steps.size(); i++) {
            problems.addAll(steps.get(i).problems(i));
            if (steps.get(i).strategy() == FallbackStrategy.ESCALATE && i < steps.size() - 1) {
                problems.add("steps[" + i + "]: escalate holds the task for a person, so it must be the last step");
            }
        }
        return problems;
    }

    /** The handler types the chain's fallback_type steps switch to, in order. */
    public List<String> fallbackTypes() {
        return steps.stream()
                .filter(step -> step.strategy() == FallbackStrategy.FALLBACK_TYPE)
                .map(FallbackStep::type)
                .toList();
    }
}
