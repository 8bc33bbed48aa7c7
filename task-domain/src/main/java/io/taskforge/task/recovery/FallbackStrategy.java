package io.taskforge.task.recovery;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What one step of a fallback chain does. */
public enum FallbackStrategy {
    /** Try again with a budget and backoff of its own. */
    RETRY,
    /** Run the next attempts against another provider (or URL, or agent), with the step's input merged in. */
    SWITCH_PROVIDER,
    /** Run the next attempts with another handler type and a mapped input. */
    FALLBACK_TYPE,
    /** Raise an alert of the step's severity and hold the task for a person, in the dead letter queue. */
    ESCALATE;

    /** The lower-case word clients write, such as {@code switch_provider}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FallbackStrategy> named(String wireName) {
        return Arrays.stream(values())
                .filter(strategy -> strategy.wireName().equals(wireName))
                .findFirst();
    }
}
