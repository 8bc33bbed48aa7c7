package io.taskforge.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StorableTextTest {

    private static final String NUL = "\u0000";
    private static final String HIGH = "\uD83D";
    private static final String LOW = "\uDE00";
    private static final String EMOJI = HIGH + LOW;

    @Test
    void acceptsOrdinaryTextAndCompleteSurrogatePairs() {
        assertThat(StorableText.problem("plain text, ünïcödé and " + EMOJI)).isEmpty();
        assertThat(StorableText.problem(null)).isEmpty();
    }

    @Test
    void refusesNulAndHalvesOfSurrogatePairs() {
        assertThat(StorableText.problem("a" + NUL + "b"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("NUL"));
        assertThat(StorableText.problem("a" + HIGH))
                .hasValueSatisfying(reason -> assertThat(reason).contains("surrogate"));
        assertThat(StorableText.problem(LOW + "a"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("surrogate"));
    }

    @Test
    void findsTheFirstProblemInNestedValuesWithItsPath() {
        Map<String, Object> input = Map.of("argv", List.of("echo", "x" + NUL));

        assertThat(StorableText.problemIn("input", input))
                .hasValue("input.argv[1] contains a NUL character (U+0000), which cannot be stored");
        assertThat(StorableText.problemIn("input", Map.of("k" + NUL, 1)))
                .hasValue("a field name in input contains a NUL character (U+0000), which cannot be stored");
        assertThat(StorableText.problemIn("input", Map.of("n", 1, "b", true))).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" cut to {1}")
    @CsvSource({"abcdef, 10, abcdef", "abcdef, 6, abcdef", "abcdef, 5, abcd…", "abcdef, 1, …"})
    void cutsLongTextEndingInAnEllipsis(String text, int maxChars, String cleaned) {
        assertThat(StorableText.clean(text, maxChars)).isEqualTo(cleaned).hasSizeLessThanOrEqualTo(maxChars);
    }

    @Test
    void replacesWhatCannotBeStored() {
        assertThat(StorableText.clean("a" + NUL + "b" + HIGH + "c" + EMOJI, 100))
                .isEqualTo("a\uFFFDb\uFFFDc" + EMOJI);
    }

    @Test
    void neverCutsASurrogatePairInHalf() {
        String cleaned = StorableText.clean("ab" + EMOJI + "cd", 4);

        assertThat(cleaned).isEqualTo("ab…");
        assertThat(StorableText.problem(cleaned)).isEmpty();
    }
}
