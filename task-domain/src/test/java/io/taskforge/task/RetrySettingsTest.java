package io.taskforge.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetrySettingsTest {

    @Test
    void defaultsAreThreeAttemptsFromOneToThirtySecondsWithAQuarterJitter() {
        assertThat(RetrySettings.DEFAULT).isEqualTo(new RetrySettings(3, 1_000, 30_000, 0.25));
    }

    @ParameterizedTest(name = "max {0}, base {1}, cap {2}, jitter {3}")
    @CsvSource({"1, 0, 0, 0", "1, 1000, 1000, 1", "10, 0, 60000, 0.5", "2147483647, 1, 9223372036854775807, 0.25"})
    void acceptsLimits(int maxAttempts, long baseDelayMillis, long maxDelayMillis, double jitter) {
        RetrySettings settings = new RetrySettings(maxAttempts, baseDelayMillis, maxDelayMillis, jitter);

        assertThat(settings.maxAttempts()).isEqualTo(maxAttempts);
        assertThat(settings.baseDelayMillis()).isEqualTo(baseDelayMillis);
        assertThat(settings.maxDelayMillis()).isEqualTo(maxDelayMillis);
        assertThat(settings.jitter()).isEqualTo(jitter);
    }

    @ParameterizedTest(name = "max {0}, base {1}, cap {2}, jitter {3}")
    @CsvSource({
        "0,  1000, 30000, 0.25",
        "-1, 1000, 30000, 0.25",
        "3,  -1,   30000, 0.25",
        "3,  1000, 999,   0.25",
        "3,  1000, -1,    0.25",
        "3,  1000, 30000, -0.01",
        "3,  1000, 30000, 1.01",
        "3,  1000, 30000, NaN",
    })
    void rejectsOutOfRangeValues(int maxAttempts, long baseDelayMillis, long maxDelayMillis, double jitter) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetrySettings(maxAttempts, baseDelayMillis, maxDelayMillis, jitter));
    }
}
