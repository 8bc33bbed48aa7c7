package io.taskforge.api.recovery;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The recovery strategies table. Its defaults are in {@code application.yml}
 * ({@code taskforge.recovery.strategies}); a deployment replaces or adds an error type's entry in
 * its own configuration, with the key in brackets so that underscores survive binding, such as
 * {@code taskforge.recovery.strategies.[payment_declined].strategies[0].strategy=escalate}.
 *
 * @param strategies per error type (or error kind), what it means and what to do
 */
@ConfigurationProperties("taskforge.recovery")
record RecoveryProperties(Map<String, ErrorTypeAdvice> strategies) {

    RecoveryProperties {
        strategies = strategies == null ? Map.of() : new TreeMap<>(strategies);
    }
}
