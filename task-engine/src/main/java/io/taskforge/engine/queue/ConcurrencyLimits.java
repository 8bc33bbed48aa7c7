package io.taskforge.engine.queue;

import java.util.Map;

/**
 * How many attempts may run at once across all nodes, in total and per type.
 *
 * @param total the cap over all types
 * @param perType caps of single types; a type not listed is limited by the total only
 */
public record ConcurrencyLimits(int total, Map<String, Integer> perType) {

    public ConcurrencyLimits {
        perType = Map.copyOf(perType);
    }

    /** Whether some type has a cap of its own, so that a due task may have to wait for its type. */
    boolean capsTypes() {
        return !perType.isEmpty();
    }

    int limitOf(String type) {
        return perType.getOrDefault(type, Integer.MAX_VALUE);
    }
}
