package io.taskforge.api.recovery;

import java.util.List;

/**
 * What to do about one error type.
 *
 * @param classification how the engine treats it: {@code retryable}, {@code permanent}, or
 *     {@code depends} (on the HTTP status)
 * @param strategies the recommended strategies, best first
 */
record ErrorTypeAdvice(String classification, List<RecoveryStrategy> strategies) {

    ErrorTypeAdvice {
        strategies = strategies == null ? List.of() : List.copyOf(strategies);
    }
}
