package io.taskforge.task.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskforge.task.RetrySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BackoffTest {

    private static final Duration BASE = Duration.ofSeconds(1);
    private static final Duration CAP = Duration.ofSeconds(30);
    private static final double JITTER = 0.25;
    private static final int DRAWS = 10_000;
    private static final long SEED = 20_250_602L;

    private static final Backoff WITHOUT_JITTER = new Backoff(BASE, CAP, 0);
    private static final Backoff WITH_JITTER = new Backoff(BASE, CAP, JITTER);

    @ParameterizedTest(name = "retry {0} waits {1} ms")
    @CsvSource({
        "1,  1000",
        "2,  2000",
        "3,  4000",
        "4,  8000",
        "5,  16000",
        "6,  30000",
        "7,  30000",
        "8,  30000",
        "50, 30000",
    })
    void delayDoublesUpToTheCap(int retryNumber, long expectedMillis) {
        assertThat(WITHOUT_JITTER.delayBefore(retryNumber, 0.0)).isEqualTo(Duration.ofMillis(expectedMillis));
        assertThat(WITHOUT_JITTER.delayBefore(retryNumber, 0.999_999)).isEqualTo(Duration.ofMillis(expectedMillis));
        assertThat(WITH_JITTER.delayBefore(retryNumber, 0.0)).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @ParameterizedTest(name = "retry {0} with random {1} waits {2} ms")
    @CsvSource({
        "1, 0.5,  875",
        "1, 0.2,  950",
        "2, 0.5,  1750",
        "3, 0.1,  3900",
        "5, 0.5,  14000",
        "6, 0.5,  26250",
        "9, 0.8,  24000",
        "1, 0.96, 760",
    })
    void jitterShortensByItsShareOfTheRandomNumber(int retryNumber, double unitRandom, long expectedMillis) {
        assertThat(WITH_JITTER.delayBefore(retryNumber, unitRandom)).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @ParameterizedTest(name = "retry {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 20})
    void delayStaysBetweenShortenedAndFullCappedDelay(int retryNumber) {
        long capped = WITHOUT_JITTER.delayBefore(retryNumber, 0).toMillis();
        double lowest = (1 - JITTER) * capped;
        Random random = new Random(SEED + retryNumber);

        for (int draw = 0; draw < DRAWS; draw++) {
            long millis =
                    WITH_JITTER.delayBefore(retryNumber, random.nextDouble()).toMillis();

            assertThat(millis).isLessThanOrEqualTo(capped).isLessThanOrEqualTo(CAP.toMillis());
            assertThat((double) millis).isGreaterThanOrEqualTo(lowest);
        }
    }

    @ParameterizedTest(name = "base {0} ms, cap {1} ms, jitter {2}")
    @CsvSource({"1003, 30000, 0.25", "7, 1000, 0.3", "333, 9999, 0.9", "1, 1, 1.0"})
    void jitterNeverShortensByMoreThanItsShare(long baseMillis, long capMillis, double jitter) {
        Backoff backoff = new Backoff(Duration.ofMillis(baseMillis), Duration.ofMillis(capMillis), jitter);
        Random random = new Random(SEED);

        for (int retryNumber = 1; retryNumber <= 12; retryNumber++) {
            long capped = backoff.delayBefore(retryNumber, 0).toMillis();
            for (double unitRandom : List.of(random.nextDouble(), 0.999, 0.9995, Math.nextDown(1.0))) {
                long millis = backoff.delayBefore(retryNumber, unitRandom).toMillis();

                assertThat((double) millis)
                        .as("retry %d with random %s", retryNumber, unitRandom)
                        .isGreaterThanOrEqualTo((1 - jitter) * capped)
                        .isLessThanOrEqualTo(capped);
            }
        }
    }

    @Test
    void jitterSpreadsDelaysOverTheWholeRange() {
        Random random = new Random(SEED);
        List<Long> delays = new ArrayList<>();
        for (int draw = 0; draw < DRAWS; draw++) {
            delays.add(WITH_JITTER.delayBefore(1, random.nextDouble()).toMillis());
        }

        LongSummaryStatistics statistics =
                delays.stream().mapToLong(Long::longValue).summaryStatistics();
        assertThat(statistics.getMin()).isLessThan(760);
        assertThat(statistics.getMax()).isGreaterThan(990);
        assertThat(statistics.getAverage()).isBetween(860.0, 890.0);
        assertThat(delays.stream().distinct().count()).isGreaterThan(200);
    }

    @Test
    void fullJitterCanShortenToAlmostNothing() {
        Backoff fullJitter = new Backoff(BASE, CAP, 1.0);

        assertThat(fullJitter.delayBefore(1, 0.0)).isEqualTo(BASE);
        assertThat(fullJitter.delayBefore(1, 0.75)).isEqualTo(Duration.ofMillis(250));
        assertThat(fullJitter.delayBefore(1, 0.9999)).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void zeroBaseMeansImmediateRetries() {
        Backoff immediate = new Backoff(Duration.ZERO, CAP, JITTER);

        assertThat(immediate.delayBefore(1, 0.5)).isEqualTo(Duration.ZERO);
        assertThat(immediate.delayBefore(30, 0.5)).isEqualTo(Duration.ZERO);
    }

    @Test
    void baseEqualToCapNeverGrows() {
        Backoff flat = new Backoff(CAP, CAP, 0);

        assertThat(IntStream.rangeClosed(1, 40).mapToObj(retry -> flat.delayBefore(retry, 0)))
                .containsOnly(CAP);
    }

    @ParameterizedTest(name = "retry {0}")
    @ValueSource(ints = {31, 62, 63, 64, 1_000, Integer.MAX_VALUE})
    void hugeRetryNumbersStayAtTheCap(int retryNumber) {
        assertThat(WITHOUT_JITTER.delayBefore(retryNumber, 0)).isEqualTo(CAP);
        assertThat(WITH_JITTER.delayBefore(retryNumber, 0.5)).isEqualTo(Duration.ofMillis(26_250));
    }

    @ParameterizedTest(name = "retry {0} waits {1} ms")
    @CsvSource({
        "54, 9007199254740992000",
        "55, 9223372036854775807",
        "56, 9223372036854775807",
        "64, 9223372036854775807",
        "65, 9223372036854775807",
        "1000, 9223372036854775807"
    })
    void hugeRetryNumbersDoNotOverflowAnUnboundedCap(int retryNumber, long expectedMillis) {
        Backoff unbounded = new Backoff(BASE, Duration.ofMillis(Long.MAX_VALUE), 0);

        assertThat(unbounded.delayBefore(retryNumber, 0)).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @Test
    void delaysNeverShrinkAsRetriesGrow() {
        Backoff backoff = new Backoff(Duration.ofMillis(3), Duration.ofMillis(Long.MAX_VALUE), 0);
        long previous = 0;

        for (int retryNumber = 1; retryNumber <= 100; retryNumber++) {
            long millis = backoff.delayBefore(retryNumber, 0).toMillis();

            assertThat(millis).as("retry %d", retryNumber).isGreaterThanOrEqualTo(previous);
            previous = millis;
        }
    }

    @Test
    void ofTakesTheRetrySettings() {
        Backoff backoff = Backoff.of(new RetrySettings(5, 250, 4_000, 0.1));

        assertThat(backoff).isEqualTo(new Backoff(Duration.ofMillis(250), Duration.ofSeconds(4), 0.1));
    }

    @Test
    void defaultSettingsGiveOneTwoFourSeconds() {
        Backoff backoff = Backoff.of(RetrySettings.DEFAULT);

        assertThat(IntStream.rangeClosed(1, 3).mapToObj(retry -> backoff.delayBefore(retry, 0)))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @ParameterizedTest(name = "retry {0}")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void retryNumbersStartAtOne(int retryNumber) {
        assertThatIllegalArgumentException().isThrownBy(() -> WITH_JITTER.delayBefore(retryNumber, 0.5));
    }

    @Test
    void negativeBaseIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ofMillis(-1), CAP, JITTER));
    }

    @Test
    void capBelowBaseIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(CAP, CAP.minusMillis(1), JITTER));
    }

    @ParameterizedTest(name = "jitter {0}")
    @ValueSource(doubles = {-0.01, 1.01, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void jitterOutsideZeroToOneIsRejected(double jitter) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(BASE, CAP, jitter));
    }

    @Test
    void missingDurationsAreRejected() {
        assertThatThrownBy(() -> new Backoff(null, CAP, JITTER)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Backoff(BASE, null, JITTER)).isInstanceOf(NullPointerException.class);
    }
}
