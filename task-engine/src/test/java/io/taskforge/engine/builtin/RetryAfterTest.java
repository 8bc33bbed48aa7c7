package io.taskforge.engine.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-10-21T07:28:00Z");

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "2,                               PT2S",
                "' 120 ',                         PT2M",
                "0,                               PT0S",
                "'Wed, 21 Oct 2026 07:30:00 GMT', PT2M",
                "'Wed, 21 Oct 2026 07:28:00 GMT', PT0S",
                "'Tue, 20 Oct 2026 07:28:00 GMT', PT0S",
                "null,                            null",
                "'',                              null",
                "-1,                              null",
                "1.5,                             null",
                "soon,                            null",
                "99999999999999999999999,         null",
                "'Wednesday, 21-Oct-26 07:30:00 GMT', null"
            })
    void reads_delta_seconds_and_http_dates(String header, Duration expected) {
        assertThat(RetryAfter.parse(header, NOW)).isEqualTo(expected);
    }
}
