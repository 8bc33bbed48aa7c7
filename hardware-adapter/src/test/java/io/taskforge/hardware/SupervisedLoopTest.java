package io.taskforge.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskforge.handler.TaskLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SupervisedLoopTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration PERIOD = Duration.ofMillis(50);
    private static final LoopSupervision SUPERVISION = new LoopSupervision(
            Duration.ofSeconds(2), Duration.ofSeconds(4), 3, 5, Duration.ofSeconds(1), Duration.ofSeconds(30));

    private final SettableClock clock = new SettableClock(START);
    private final List<Instant> iterationsStarted = new ArrayList<>();

    /** A body whose iterations fail at the given (zero-based) numbers. */
    private LoopBody failingAt(Set<Integer> failing) {
        return new LoopBody() {
            private int done;

            @Override
            public void iterate(TaskLog log) {
                int number = iterationsStarted.size();
                iterationsStarted.add(clock.instant());
                if (failing.contains(number)) {
                    throw new IllegalStateException("glitch in iteration " + number);
                }
                done++;
            }

            @Override
            public Duration period() {
                return PERIOD;
            }

            @Override
            public String progress() {
                return done + " done";
            }
        };
    }

    private SupervisedLoop loop(LoopBody body) {
        return new SupervisedLoop("test-loop", body, SUPERVISION, clock.jumpingWaiter(), clock);
    }

    @Test
    void iterates_at_a_fixed_rate_through_the_waiter_and_reports_liveness_after_each_iteration_until_cancelled()
            throws Exception {
        var context = new LoopTaskContext(Map.of()).cancelAfter(4);

        Map<String, Object> result = loop(failingAt(Set.of())).run(context, () -> true);

        assertThat(context.stallAfter()).isEqualTo(SUPERVISION.stallAfter());
        assertThat(context.alive()).containsExactly("1 done", "2 done", "3 done", "4 done");
        assertThat(iterationsStarted)
                .containsExactly(
                        START,
                        START.plus(PERIOD),
                        START.plus(PERIOD.multipliedBy(2)),
                        START.plus(PERIOD.multipliedBy(3)));
        assertThat(result).containsEntry("progress", "4 done");
    }

    @Test
    void logs_a_failed_iteration_and_goes_on_while_fewer_than_the_limit_fail_in_a_row() throws Exception {
        var context = new LoopTaskContext(Map.of()).cancelAfter(3);

        loop(failingAt(Set.of(1, 2, 4))).run(context, () -> true);

        assertThat(context.lines())
                .containsExactly(
                        "WARNING test-loop iteration failed (1 of 3 in a row before a restart):"
                                + " java.lang.IllegalStateException: glitch in iteration 1",
                        "WARNING test-loop iteration failed (2 of 3 in a row before a restart):"
                                + " java.lang.IllegalStateException: glitch in iteration 2",
                        "WARNING test-loop iteration failed (1 of 3 in a row before a restart):"
                                + " java.lang.IllegalStateException: glitch in iteration 4");
        assertThat(context.alive()).containsExactly("1 done", "2 done", "3 done");
    }

    @Test
    void rethrows_the_failure_that_completes_a_run_of_failed_iterations_so_the_engine_restarts_the_loop() {
        var context = new LoopTaskContext(Map.of());

        assertThatThrownBy(() -> loop(failingAt(Set.of(2, 3, 4))).run(context, () -> true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("glitch in iteration 4");
        assertThat(context.alive()).containsExactly("1 done", "2 done");
    }

    @Test
    void stops_when_the_adapter_stops_running() throws Exception {
        var context = new LoopTaskContext(Map.of());
        List<Boolean> answers = new ArrayList<>(List.of(true, true, false));

        loop(failingAt(Set.of())).run(context, () -> answers.removeFirst());

        assertThat(context.alive()).containsExactly("1 done", "2 done");
    }

    @Test
    void stays_quiet_and_keeps_the_interrupt_when_interrupted_while_waiting() throws Exception {
        var context = new LoopTaskContext(Map.of());
        var interrupting = new SupervisedLoop(
                "test-loop",
                failingAt(Set.of()),
                SUPERVISION,
                when -> {
                    throw new InterruptedException("stopping");
                },
                clock);

        Map<String, Object> result = interrupting.run(context, () -> true);

        assertThat(Thread.interrupted()).isTrue();
        assertThat(result).containsEntry("progress", "1 done");
        assertThat(context.lines()).isEmpty();
    }
}
