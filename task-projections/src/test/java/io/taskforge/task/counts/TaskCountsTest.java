package io.taskforge.task.counts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskCountsTest {

    @ParameterizedTest(name = "{0} completed, {1} failed, {2} timed out -> {3} % succeeded, {4} % failed")
    @CsvSource({
        "10, 2, 0, 83.33, 16.67", // seed 001's example
        "0, 0, 0, 0, 0", // nothing finished yet
        "5, 0, 0, 100, 0",
        "0, 3, 0, 0, 100",
        "1, 2, 0, 33.33, 66.67",
        "2, 1, 0, 66.67, 33.33",
        "1, 7, 0, 12.5, 87.5",
        "1, 1, 1, 33.33, 66.67", // a timeout counts as a failure
    })
    void rates_are_percentages_of_finished_tasks_to_two_decimals(
            long completed, long failed, long timeout, double success, double failure) {
        TaskCounts counts = new TaskCounts(0, 0, 4, 2, 1, completed, failed, timeout, 3, 0, 0, 0);

        assertThat(counts.successRate()).isEqualTo(success);
        assertThat(counts.failureRate()).isEqualTo(failure);
    }

    @ParameterizedTest(name = "{0} pending, {1} retrying, {2} failed, {3} timed out")
    @CsvSource({"0, 0, 0, 0", "4, 1, 2, 3"})
    void waiting_includes_retries_and_failed_includes_timeouts(long pending, long retrying, long failed, long timeout) {
        TaskCounts counts = new TaskCounts(0, 0, pending, 7, retrying, 9, failed, timeout, 5, 0, 0, 0);

        assertThat(counts.waiting()).isEqualTo(pending + retrying);
        assertThat(counts.failedOrTimedOut()).isEqualTo(failed + timeout);
    }
}
