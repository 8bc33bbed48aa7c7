package io.taskforge.task.recovery;

import io.taskforge.task.RetrySettings;
import io.taskforge.task.StorableText;
import io.taskforge.task.TaskDefinition;
import io.taskforge.task.policy.AlertSeverity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a fallback chain. Which fields a step may carry depends on its strategy.
 *
 * @param maxAttempts attempts the step runs (retry: 3 unless given; the others: 1 unless given)
 * @param baseDelayMs delay before the step's first attempt (retry) and between its attempts
 * @param maxDelayMs upper bound of the step's delays
 * @param provider the provider the step's attempts run against (switch_provider)
 * @param type the handler type the step's attempts run (fallback_type)
 * @param input merged over the task's input, key by key, for the step's attempts
 * @param severity the alert an escalation raises; the task's own severity when null
 */
public record FallbackStep(
        FallbackStrategy strategy,
        Integer maxAttempts,
        Long baseDelayMs,
        Long maxDelayMs,
        String provider,
        String type,
        Map<String, Object> input,
        AlertSeverity.Level severity) {

    /** Attempts a retry step runs when it does not say. */
    public static final int DEFAULT_RETRY_ATTEMPTS = 3;

    /** The most attempts one step may run. */
    public static final int MAX_ATTEMPTS = 100;

    /** The longest delay a step may ask for. */
    public static final long MAX_DELAY_MS = 86_400_000;

    public FallbackStep {
        Objects.requireNonNull(strategy, "strategy");
        input = input == null ? Map.of() : input;
    }

    public static FallbackStep retry(int maxAttempts, long baseDelayMs) {
        return new FallbackStep(FallbackStrategy.RETRY, maxAttempts, baseDelayMs, null, null, null, null, null);
    }

    public static FallbackStep switchProvider(String provider, Map<String, Object> input) {
        return new FallbackStep(FallbackStrategy.SWITCH_PROVIDER, null, null, null, provider, null, input, null);
    }

    public static FallbackStep fallbackType(String type, Map<String, Object> input) {
        return new FallbackStep(FallbackStrategy.FALLBACK_TYPE, null, null, null, null, type, input, null);
    }

    public static FallbackStep escalate(AlertSeverity.Level severity) {
        return new FallbackStep(FallbackStrategy.ESCALATE, null, null, null, null, null, null, severity);
    }

    /** The budget and backoff of the step's attempts. */
    public RetrySettings retrySettings() {
        int attempts =
                maxAttempts != null ? maxAttempts : strategy == FallbackStrategy.RETRY ? DEFAULT_RETRY_ATTEMPTS : 1;
        long base = baseDelayMs != null ? baseDelayMs : RetrySettings.DEFAULT_BASE_DELAY_MILLIS;
        long max = maxDelayMs != null ? maxDelayMs : Math.max(base, RetrySettings.DEFAULT_MAX_DELAY_MILLIS);
        return new RetrySettings(attempts, base, max, RetrySettings.DEFAULT_JITTER);
    }

    /** The input the step's attempts run with: the step's keys over the current ones. */
    public Map<String, Object> inputOver(Map<String, Object> current) {
        Map<String, Object> merged = new LinkedHashMap<>(current);
        merged.putAll(input);
        return merged;
    }

    /** What is wrong with the step, each problem naming the field as {@code steps[i].field}. */
    List<String> problems(int index) {
        String at = "steps[" + index + "]";
        List<String> problems = new ArrayList<>();
        boolean runsAttempts = strategy != FallbackStrategy.ESCALATE;
        forbid(problems, at, "max_attempts", maxAttempts, runsAttempts);
        forbid(problems, at, "base_delay_ms", baseDelayMs, runsAttempts);
        forbid(problems, at, "max_delay_ms", maxDelayMs, runsAttempts);
        forbid(problems, at, "input", input.isEmpty() ? null : input, runsAttempts);
        forbid(problems, at, "provider", provider, strategy == FallbackStrategy.SWITCH_PROVIDER);
        forbid(problems, at, "type", type, strategy == FallbackStrategy.FALLBACK_TYPE);
        forbid(problems, at, "severity", severity, strategy == FallbackStrategy.ESCALATE);
        if (maxAttempts != null && (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS)) {
            problems.add(at + ".max_attempts must lie between 1 and " + MAX_ATTEMPTS);
        }
        if (baseDelayMs != null && (baseDelayMs < 0 || baseDelayMs > MAX_DELAY_MS)) {
            problems.add(at + ".base_delay_ms must lie between 0 and " + MAX_DELAY_MS);
        }
        if (maxDelayMs != null && (maxDelayMs < (baseDelayMs == null ? 0 : baseDelayMs) || maxDelayMs > MAX_DELAY_MS)) {
            problems.add(at + ".max_delay_ms must lie between base_delay_ms and " + MAX_DELAY_MS);
        }
        if (strategy == FallbackStrategy.SWITCH_PROVIDER && isBlank(provider) && input.isEmpty()) {
            problems.add(at + ": a switch_provider step needs a provider, an input, or both");
        }
        if (strategy == FallbackStrategy.FALLBACK_TYPE && isBlank(type)) {
            problems.add(at + ".type is required for a fallback_type step");
        }
        nameProblem(at + ".provider", provider).ifPresent(problems::add);
        nameProblem(at + ".type", type).ifPresent(problems::add);
        StorableText.problemIn(at + ".input", input).ifPresent(problems::add);
        return problems;
    }

    private void forbid(List<String> problems, String at, String field, Object value, boolean allowed) {
        if (value != null && !allowed) {
            problems.add(at + "." + field + " does not apply to a " + strategy.wireName() + " step");
        }
    }

    private static Optional<String> nameProblem(String field, String value) {
        if (value != null && value.length() > TaskDefinition.MAX_NAME_CHARS) {
            return Optional.of(field + " is longer than " + TaskDefinition.MAX_NAME_CHARS + " characters");
        }
        return StorableText.problemIn(field, value);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
