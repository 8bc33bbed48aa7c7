package io.taskforge.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskforge.engine.execution.Stall;
import io.taskforge.task.TaskId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reasons seed 000's health gives for being degraded. */
class WorkFindingsTest {

    private static final Instant SINCE = Instant.parse("2026-11-22T10:00:00Z");
    private static final TaskId TASK = TaskId.parse("0b4c3d3e-9f0a-4c53-9d6e-1f2a3b4c5d6e");
    private static final Stall NO_PROGRESS = new Stall(Stall.NO_PROGRESS, "http", TASK, "frozen", SINCE);
    private static final Stall NO_RUNNER = new Stall(Stall.NO_RUNNER, "video", null, "nobody runs video", SINCE);

    @Test
    void is_healthy_without_dead_letters_or_stalls() {
        assertThat(reasonToDegrade(0, List.of())).isNull();
    }

    @Test
    void counts_the_tasks_waiting_in_the_dead_letter_queue() {
        assertThat(reasonToDegrade(2, List.of())).isEqualTo("2 task(s) failed and wait in the dead letter queue");
    }

    @Test
    void names_each_stall_by_kind_and_task_or_type() {
        assertThat(reasonToDegrade(0, List.of(NO_PROGRESS, NO_RUNNER)))
                .isEqualTo("2 stall(s): no_progress (task " + TASK + "), no_runner (type video)");
    }

    @Test
    void gives_both_reasons_dead_letters_first() {
        assertThat(reasonToDegrade(1, List.of(NO_RUNNER)))
                .isEqualTo("1 task(s) failed and wait in the dead letter queue; 1 stall(s): no_runner (type video)");
    }

    @Test
    void names_three_stalls_and_counts_the_rest() {
        var stalls = List.of(NO_RUNNER, NO_RUNNER, NO_RUNNER, NO_PROGRESS, NO_PROGRESS);

        assertThat(reasonToDegrade(0, stalls))
                .isEqualTo(
                        "5 stall(s): no_runner (type video), no_runner (type video), no_runner (type video), 2 more");
    }

    private static String reasonToDegrade(long inDlq, List<Stall> stalls) {
        List<String> reasons = HealthAssessor.workFindings(inDlq, stalls).stream()
                .map(HealthFinding::reason)
                .toList();
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }
}
