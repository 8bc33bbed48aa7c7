package io.taskforge.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TaskDefinitionTest {

    private static final RetrySettings RETRY = new RetrySettings(5, 500, 10_000, 0.1);

    @Test
    void keepsWhatTheClientGave() {
        TaskDefinition definition = new TaskDefinition(
                "http",
                TaskCategory.API,
                "charge",
                Map.of("url", "https://example.org"),
                Map.of("amount", 10),
                "payments-gateway",
                7,
                45,
                RETRY,
                "billing",
                "api-key-checkout",
                "problem-12",
                "order-1");

        assertThat(definition.category()).isEqualTo(TaskCategory.API);
        assertThat(definition.input()).containsExactly(Map.entry("url", "https://example.org"));
        assertThat(definition.metadata()).containsExactly(Map.entry("amount", 10));
        assertThat(definition.timeoutSeconds()).isEqualTo(45);
        assertThat(definition.retry()).isEqualTo(RETRY);
    }

    @Test
    void fillsInDefaultsForWhatIsMissing() {
        TaskDefinition definition = minimal("command", 1);

        assertThat(definition.category()).isEqualTo(TaskCategory.GENERAL);
        assertThat(definition.input()).isEmpty();
        assertThat(definition.metadata()).isEmpty();
        assertThat(definition.retry()).isEqualTo(RetrySettings.DEFAULT);
        assertThat(definition.provider()).isNull();
        assertThat(definition.idempotencyKey()).isNull();
    }

    @ParameterizedTest(name = "type \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void requiresAType(String type) {
        assertThatIllegalArgumentException().isThrownBy(() -> minimal(type, 30)).withMessageContaining("type");
    }

    @ParameterizedTest(name = "timeout {0} s")
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void requiresATimeoutOfAtLeastOneSecond(long timeoutSeconds) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> minimal("http", timeoutSeconds))
                .withMessageContaining("timeout_seconds");
    }

    @Test
    void canBeStoredWhenEveryValueFits() {
        assertThat(minimal("http", 30).storageProblem()).isEmpty();
    }

    @Test
    void namesTheFieldAndTheLimitOfAnOverlongValue() {
        TaskDefinition definition = new TaskDefinition(
                "noop", null, "d".repeat(2001), null, null, null, 0, 30, null, null, null, null, null);

        assertThat(definition.storageProblem())
                .hasValue("description is 2001 characters long; at most 2000 are allowed");
    }

    @Test
    void namesTheNestedFieldOfTextThatCannotBeStored() {
        TaskDefinition definition = new TaskDefinition(
                "http",
                null,
                null,
                Map.of("headers", Map.of("X-Trace", "a\u0000b")),
                null,
                null,
                0,
                30,
                null,
                null,
                null,
                null,
                null);

        assertThat(definition.storageProblem())
                .hasValue("input.headers.X-Trace contains a NUL character (U+0000), which cannot be stored");
    }

    @Test
    void refusesANulInAnIdempotencyKey() {
        TaskDefinition definition =
                new TaskDefinition("noop", null, null, null, null, null, 0, 30, null, null, null, null, "k\u0000");

        assertThat(definition.storageProblem())
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("idempotency_key contains a NUL"));
    }

    private static TaskDefinition minimal(String type, long timeoutSeconds) {
        return new TaskDefinition(type, null, null, null, null, null, 0, timeoutSeconds, null, null, null, null, null);
    }
}
