package io.taskforge.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DebouncerTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration SETTLE = Duration.ofMillis(30);

    /**
     * Readings every 10 ms, from a released button: 1 is pressed, 0 released. The changes are the
     * states the debouncer reports, in order.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0000000, ''",
        "0111100, 1", // held for 30 ms: one press
        "0110110, ''", // bounces shorter than the settle time never count
        "1111000000, 1 0", // a press, then a release that also settles
        "0101111, 1", // a bounce, then a press that holds
        "01111111100001111, 1 0 1" // a press, a release, a second press
    })
    void reports_a_change_once_every_reading_showed_it_for_the_settle_time(String readings, String changes) {
        var debouncer = new Debouncer(SETTLE, false);
        List<String> reported = new ArrayList<>();

        for (int index = 0; index < readings.length(); index++) {
            Optional<Boolean> change = debouncer.read(readings.charAt(index) == '1', START.plusMillis(10L * index));
            change.ifPresent(pressed -> reported.add(pressed ? "1" : "0"));
        }

        assertThat(String.join(" ", reported)).isEqualTo(changes);
    }

    @ParameterizedTest(name = "settle {0} ms")
    @CsvSource({"0, true", "10, false"})
    void a_zero_settle_time_reports_at_the_first_reading(long settleMillis, boolean reportedAtOnce) {
        var debouncer = new Debouncer(Duration.ofMillis(settleMillis), false);

        assertThat(debouncer.read(true, START)).isEqualTo(reportedAtOnce ? Optional.of(true) : Optional.empty());
        assertThat(debouncer.state()).isEqualTo(reportedAtOnce);
    }
}
