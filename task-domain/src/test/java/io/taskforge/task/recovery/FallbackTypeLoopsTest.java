package io.taskforge.task.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FallbackTypeLoopsTest {

    static Stream<Arguments> chains() {
        return Stream.of(
                Arguments.of(List.of(chain("http", "noop")), List.of()),
                Arguments.of(List.of(chain("http", "noop"), chain("noop", "sleep")), List.of()),
                Arguments.of(List.of(chain("http", "noop"), chain("noop", "http")), List.of("http", "noop", "http")),
                Arguments.of(List.of(chain("http", "http")), List.of("http", "http")),
                Arguments.of(List.of(chain("http", "noop", "http")), List.of("http", "noop", "http")),
                Arguments.of(
                        List.of(chain(null, "noop", "sleep"), chain("sleep", "noop")),
                        List.of("noop", "sleep", "noop")),
                Arguments.of(List.of(chain(null, "noop")), List.of()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("chains")
    void findsTheFirstLoopBetweenTypes(List<FallbackChainConfig> chains, List<String> loop) {
        assertThat(FallbackTypeLoops.among(chains).orElse(List.of())).isEqualTo(loop);
    }

    private static FallbackChainConfig chain(String type, String... fallbacks) {
        return new FallbackChainConfig(
                "chain",
                new FallbackMatch(type, null, List.of()),
                Stream.of(fallbacks)
                        .map(fallback -> FallbackStep.fallbackType(fallback, Map.of()))
                        .toList());
    }
}
