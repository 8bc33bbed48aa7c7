package io.taskforge.task.policy;

import static io.taskforge.task.policy.AlertSeverity.Level.CRITICAL;
import static io.taskforge.task.policy.AlertSeverity.Level.HIGH;
import static io.taskforge.task.policy.AlertSeverity.Level.MEDIUM;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AlertSeverityTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("cases")
    void assessesDefaultSeverity(Map<String, Object> metadata, AlertSeverity.Level expected) {
        assertThat(AlertSeverity.DEFAULT.assess(metadata)).isEqualTo(expected);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(Map.of("amount", 100), CRITICAL),
                Arguments.of(Map.of("amount", 250.5), CRITICAL),
                Arguments.of(Map.of("amount", "150"), CRITICAL),
                Arguments.of(Map.of("amount", " 100.00 "), CRITICAL),
                Arguments.of(Map.of("amount", "1e3"), CRITICAL),
                Arguments.of(Map.of("amount", 100L), CRITICAL),
                Arguments.of(Map.of("amount", new BigDecimal("100.000")), CRITICAL),
                Arguments.of(Map.of("amount", new BigInteger("123456789012345678901234567890")), CRITICAL),
                Arguments.of(Map.of("amount", 100.0f), CRITICAL),
                Arguments.of(Map.of("amount", 100, "kind", "payment"), CRITICAL),
                Arguments.of(Map.of("amount", 99.99), MEDIUM),
                Arguments.of(Map.of("amount", "99.99"), MEDIUM),
                Arguments.of(Map.of("amount", 99.99, "kind", "payment"), HIGH),
                Arguments.of(Map.of("amount", -500), MEDIUM),
                Arguments.of(Map.of("kind", "payment"), HIGH),
                Arguments.of(Map.of("kind", "withdrawal"), HIGH),
                Arguments.of(Map.of("kind", "PAYMENT"), HIGH),
                Arguments.of(Map.of("kind", "Withdrawal"), HIGH),
                Arguments.of(Map.of("kind", "report"), MEDIUM),
                Arguments.of(Map.of("kind", "payments"), MEDIUM),
                Arguments.of(Map.of("kind", ""), MEDIUM),
                Arguments.of(Map.of("amount", "lots"), MEDIUM),
                Arguments.of(Map.of("amount", "lots", "kind", "payment"), HIGH),
                Arguments.of(Map.of("amount", "", "kind", "withdrawal"), HIGH),
                Arguments.of(Map.of("amount", Map.of("value", 500)), MEDIUM),
                Arguments.of(Map.of("amount", Double.NaN, "kind", "payment"), HIGH),
                Arguments.of(Map.of("amount", Double.POSITIVE_INFINITY), MEDIUM),
                Arguments.of(Map.of("other", 1_000), MEDIUM),
                Arguments.of(Map.of(), MEDIUM));
    }

    @Test
    void nullValuesAreIgnored() {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("amount", null);
        metadata.put("kind", null);

        assertThat(AlertSeverity.DEFAULT.assess(metadata)).isEqualTo(MEDIUM);
    }

    @Test
    void customThresholdAndKindsApply() {
        AlertSeverity severity = new AlertSeverity(new BigDecimal("5000"), Set.of("payout"));

        assertThat(severity.assess(Map.of("amount", 5_000))).isEqualTo(CRITICAL);
        assertThat(severity.assess(Map.of("amount", 4_999.99))).isEqualTo(MEDIUM);
        assertThat(severity.assess(Map.of("kind", "Payout"))).isEqualTo(HIGH);
        assertThat(severity.assess(Map.of("kind", "payment"))).isEqualTo(MEDIUM);
    }
}
