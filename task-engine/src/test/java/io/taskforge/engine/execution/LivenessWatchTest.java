package io.taskforge.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskforge.engine.queue.AliveReport;
import io.taskforge.task.TaskId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LivenessWatchTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final TaskId TASK = TaskId.random();

    @ParameterizedTest(name = "last report at +{0} s, now +{1} s: restart due {2}")
    @CsvSource({
        "0, 0, false",
        "0, 5, false", // stalled from +5 s, but only flagged
        "0, 15, false", // stalled for exactly the restart limit
        "0, 16, true",
        "30, 44, false", // a later report moves both limits
        "30, 46, true"
    })
    void restarts_only_an_attempt_that_stayed_stalled_past_its_restart_limit(
            long reportedAt, long now, boolean restartDue) {
        var watch = new LivenessWatch(Duration.ofSeconds(5), Duration.ofSeconds(10), START);
        watch.alive("reported", START.plusSeconds(reportedAt));

        assertThat(watch.restartDue(START.plusSeconds(now))).isEqualTo(restartDue);
    }

    @Test
    void reports_when_it_last_moved_when_it_counts_as_stalled_and_how_far_it_got() {
        var watch = new LivenessWatch(Duration.ofSeconds(5), Duration.ofSeconds(10), START);
        assertThat(watch.report(TASK, 2)).isEqualTo(new AliveReport(TASK, 2, START, START.plusSeconds(5), null));

        watch.alive("1200 frames rendered", START.plusSeconds(40));

        assertThat(watch.report(TASK, 2))
                .isEqualTo(
                        new AliveReport(TASK, 2, START.plusSeconds(40), START.plusSeconds(45), "1200 frames rendered"));
        assertThat(watch.restartReason(START.plusSeconds(56)))
                .isEqualTo("no liveness report for 16 s (stalled after 5 s, restarted after 10 s more); last: 1200"
                        + " frames rendered");
    }

    @Test
    void bounds_what_it_writes_of_a_status() {
        var watch = new LivenessWatch(Duration.ofSeconds(5), Duration.ofSeconds(10), START);
        watch.alive("x".repeat(500), START);

        assertThat(watch.report(TASK, 1).status()).hasSizeLessThanOrEqualTo(LivenessWatch.MAX_STATUS_CHARS);
    }

    @Test
    void refuses_a_stall_limit_that_is_not_positive() {
        assertThatThrownBy(() -> new LivenessWatch(Duration.ZERO, Duration.ofSeconds(1), START))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
