package io.taskforge.task.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskforge.task.policy.AlertSeverity;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FallbackChainConfigTest {

    static Stream<Arguments> chains() {
        FallbackStep escalate = FallbackStep.escalate(AlertSeverity.Level.HIGH);
        return Stream.of(
                Arguments.of(chain(FallbackStep.retry(2, 100), escalate), List.of()),
                Arguments.of(chain(), List.of("steps is empty; a chain needs at least one step")),
                Arguments.of(
                        chain(escalate, FallbackStep.retry(1, 0)),
                        List.of("steps[0]: escalate holds the task for a person, so it must be the last step")),
                Arguments.of(
                        chain(FallbackStep.switchProvider(null, Map.of())),
                        List.of("steps[0]: a switch_provider step needs a provider, an input, or both")),
                Arguments.of(
                        chain(FallbackStep.fallbackType(" ", Map.of())),
                        List.of("steps[0].type is required for a fallback_type step")),
                Arguments.of(
                        chain(FallbackStep.retry(0, -1)),
                        List.of(
                                "steps[0].max_attempts must lie between 1 and 100",
                                "steps[0].base_delay_ms must lie between 0 and 86400000")),
                Arguments.of(
                        chain(new FallbackStep(
                                FallbackStrategy.RETRY, null, null, null, "p", null, null, AlertSeverity.Level.HIGH)),
                        List.of(
                                "steps[0].provider does not apply to a retry step",
                                "steps[0].severity does not apply to a retry step")),
                Arguments.of(new FallbackChainConfig(" ", null, List.of(escalate)), List.of("name is required")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("chains")
    void namesEveryProblem(FallbackChainConfig config, List<String> problems) {
        assertThat(config.problems()).isEqualTo(problems);
    }

    private static FallbackChainConfig chain(FallbackStep... steps) {
        return new FallbackChainConfig("chain", null, List.of(steps));
    }
}
