package io.taskforge.api.recovery;

import io.taskforge.task.policy.AlertSeverity;
import io.taskforge.task.recovery.FallbackStep;
import io.taskforge.task.recovery.FallbackStrategy;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One step of a chain, as clients write and read it.
 *
 * @param strategy retry, switch_provider, fallback_type or escalate
 * @param maxAttempts attempts the step runs (retry: 3 unless given; the others: 1)
 * @param baseDelayMs delay before a retry step's first attempt, and between the step's attempts
 * @param maxDelayMs upper bound of the step's delays
 * @param provider switch_provider: the provider the step's attempts run against
 * @param type fallback_type: the handler type they run
 * @param input merged over the task's input, key by key, for the step's attempts
 * @param severity escalate: critical, high or medium (the task's own severity when left out)
 */
record StepBody(
        String strategy,
        Integer maxAttempts,
        Long baseDelayMs,
        Long maxDelayMs,
        String provider,
        String type,
        Map<String, Object> input,
        String severity) {

    /** The step, or why it cannot be one (the domain checks the rest). */
    Optional<FallbackStep> toStep(int index, List<String> problems) {
        String at = "steps[" + index + "]";
        if (strategy == null) {
            problems.add(at + ".strategy is required: retry, switch_provider, fallback_type or escalate");
            return Optional.empty();
        }
        Optional<FallbackStrategy> known = FallbackStrategy.named(strategy);
        if (known.isEmpty()) {
            problems.add(at + ".strategy '" + strategy
                    + "' is an unknown step; use retry, switch_provider, fallback_type or escalate");
            return Optional.empty();
        }
        AlertSeverity.Level level = null;
        if (severity != null) {
            level = Arrays.stream(AlertSeverity.Level.values())
                    .filter(candidate -> candidate.name().equalsIgnoreCase(severity))
                    .findFirst()
                    .orElse(null);
            if (level == null) {
                problems.add(at + ".severity '" + severity + "' is unknown; use critical, high or medium");
                return Optional.empty();
            }
        }
        return Optional.of(
                new FallbackStep(known.get(), maxAttempts, baseDelayMs, maxDelayMs, provider, type, input, level));
    }

    static StepBody of(FallbackStep step) {
        return new StepBody(
                step.strategy().wireName(),
                step.maxAttempts(),
                step.baseDelayMs(),
                step.maxDelayMs(),
                step.provider(),
                step.type(),
                step.input(),
                step.severity() == null ? null : step.severity().name().toLowerCase(Locale.ROOT));
    }
}
