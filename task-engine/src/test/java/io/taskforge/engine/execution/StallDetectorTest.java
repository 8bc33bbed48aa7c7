package io.taskforge.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskforge.engine.queue.RunningTask;
import io.taskforge.engine.queue.WaitingType;
import io.taskforge.task.TaskId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StallDetectorTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration NO_PROGRESS_AFTER = Duration.ofMinutes(5);
    private static final TaskId TASK = TaskId.random();

    @Test
    void reports_due_work_of_a_type_nothing_runs() {
        var waiting = new WaitingType("video", 3, NOW.minusSeconds(90), 0);

        List<Stall> stalls = StallDetector.classify(List.of(waiting), List.of(), NOW, NO_PROGRESS_AFTER);

        assertThat(stalls).singleElement().satisfies(stall -> {
            assertThat(stall.kind()).isEqualTo(Stall.NO_RUNNER);
            assertThat(stall.type()).isEqualTo("video");
            assertThat(stall.taskId()).isNull();
            assertThat(stall.reason())
                    .isEqualTo("no runner available for type video: 3 task(s) due, the oldest waiting 90 s");
            assertThat(stall.since()).isEqualTo(NOW.minusSeconds(90));
        });
    }

    @Test
    void does_not_report_waiting_work_of_a_type_that_is_running() {
        var busy = new WaitingType("video", 3, NOW.minusSeconds(90), 2);

        assertThat(StallDetector.classify(List.of(busy), List.of(), NOW, NO_PROGRESS_AFTER))
                .isEmpty();
    }

    @Test
    void reports_a_runner_whose_lease_expired_as_gone() {
        var running = running(NOW.minusSeconds(12), NOW.minusSeconds(60), NOW.minusSeconds(20));

        assertThat(StallDetector.classify(List.of(), List.of(running), NOW, NO_PROGRESS_AFTER))
                .singleElement()
                .satisfies(stall -> {
                    assertThat(stall.kind()).isEqualTo(Stall.RUNNER_GONE);
                    assertThat(stall.taskId()).isEqualTo(TASK);
                    assertThat(stall.reason())
                            .isEqualTo("runner gone: worker node-a has not renewed its lease for 12 s");
                });
    }

    @Test
    void reports_a_heartbeating_runner_whose_progress_froze() {
        var frozen = running(NOW.plusSeconds(20), NOW.minusSeconds(900), NOW.minusSeconds(400));

        assertThat(StallDetector.classify(List.of(), List.of(frozen), NOW, NO_PROGRESS_AFTER))
                .singleElement()
                .satisfies(stall -> {
                    assertThat(stall.kind()).isEqualTo(Stall.NO_PROGRESS);
                    assertThat(stall.reason())
                            .isEqualTo(
                                    "runner alive but no progress: worker node-a heartbeats, progress unchanged for 400 s");
                    assertThat(stall.since()).isEqualTo(NOW.minusSeconds(400));
                });
    }

    @Test
    void measures_frozen_progress_from_the_start_when_nothing_was_reported() {
        var silent = running(NOW.plusSeconds(20), NOW.minusSeconds(301), null);
        var young = running(NOW.plusSeconds(20), NOW.minusSeconds(299), null);

        assertThat(StallDetector.classify(List.of(), List.of(silent, young), NOW, NO_PROGRESS_AFTER))
                .extracting(Stall::kind)
                .containsExactly(Stall.NO_PROGRESS);
    }

    @Test
    void leaves_healthy_runners_alone() {
        var healthy = running(NOW.plusSeconds(20), NOW.minusSeconds(900), NOW.minusSeconds(3));

        assertThat(StallDetector.classify(List.of(), List.of(healthy), NOW, NO_PROGRESS_AFTER))
                .isEmpty();
    }

    @Test
    void reports_a_loop_whose_liveness_report_lapsed_with_its_last_status() {
        var blocked = watching(NOW.minusSeconds(12), NOW.minusSeconds(7), "420 polls done");

        assertThat(StallDetector.classify(List.of(), List.of(blocked), NOW, NO_PROGRESS_AFTER))
                .singleElement()
                .satisfies(stall -> {
                    assertThat(stall.kind()).isEqualTo(Stall.NO_PROGRESS);
                    assertThat(stall.taskId()).isEqualTo(TASK);
                    assertThat(stall.reason())
                            .isEqualTo("runner alive but no progress: worker node-a heartbeats, but the attempt has"
                                    + " reported no liveness for 12 s (last: 420 polls done)");
                    assertThat(stall.since()).isEqualTo(NOW.minusSeconds(12));
                });
    }

    @Test
    void leaves_a_loop_alone_that_reports_liveness_however_long_it_runs_without_progress() {
        var alive = watching(NOW.minusMillis(300), NOW.plusSeconds(5), "90000 frames rendered");

        assertThat(StallDetector.classify(List.of(), List.of(alive), NOW, NO_PROGRESS_AFTER))
                .isEmpty();
    }

    private static RunningTask running(Instant leaseUntil, Instant startedAt, Instant progressAt) {
        return new RunningTask(
                TASK, "render", 1, "node-a", leaseUntil, NOW.plusSeconds(600), startedAt, progressAt, null, null, null);
    }

    private static RunningTask watching(Instant aliveAt, Instant aliveUntil, String status) {
        return new RunningTask(
                TASK,
                "render-loop",
                1,
                "node-a",
                NOW.plusSeconds(20),
                NOW.plusSeconds(86_400),
                NOW.minusSeconds(3_600),
                null,
                aliveAt,
                aliveUntil,
                status);
    }
}
