package io.taskforge.task.policy;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How loudly to alert when a task ends up in the dead letter queue.
 *
 * <p>Money at stake makes it critical; payment-like work makes it high; anything else is medium.
 * The amount is read from the task's {@code amount} metadata, the kind from {@code kind}.
 *
 * @param criticalAmount amounts at or above this are critical
 * @param highKinds task kinds (lower case) that are high when not critical
 */
public record AlertSeverity(BigDecimal criticalAmount, Set<String> highKinds) {

    public static final BigDecimal DEFAULT_CRITICAL_AMOUNT = BigDecimal.valueOf(100);
    public static final Set<String> DEFAULT_HIGH_KINDS = Set.of("payment", "withdrawal");

    public static final AlertSeverity DEFAULT = new AlertSeverity(DEFAULT_CRITICAL_AMOUNT, DEFAULT_HIGH_KINDS);

    /** The three alert levels, loudest first. */
    public enum Level {
        CRITICAL,
        HIGH,
        MEDIUM
    }

    public Level assess(Map<String, Object> metadata) {
        BigDecimal amount = amountOf(metadata.get("amount"));
        if (amount != null && amount.compareTo(criticalAmount) >= 0) {
            return Level.CRITICAL;
        }
        Object kind = metadata.get("kind");
        if (kind != null && highKinds.contains(kind.toString().toLowerCase(Locale.ROOT))) {
            return Level.HIGH;
        }
        return Level.MEDIUM;
    }

    private static BigDecimal amountOf(Object value) {
        if (!(value instanceof Number) && !(value instanceof String)) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException notAFiniteNumber) {
            return null;
        }
    }
}
