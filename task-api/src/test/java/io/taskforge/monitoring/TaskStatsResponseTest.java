package io.taskforge.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskStatsResponseTest {

    @ParameterizedTest(name = "{0} completed, {1} failed -> {2} %")
    @CsvSource({
        "10, 2, 83.33", // the seed's example
        "0, 0, 0", // nothing finished yet
        "5, 0, 100",
        "0, 3, 0",
        "1, 2, 33.33",
        "2, 1, 66.67",
        "1, 7, 12.5",
    })
    void success_rate_is_a_percentage_to_two_decimals(long completed, long failed, double rate) {
        assertThat(TaskStatsResponse.successRate(completed, failed)).isEqualTo(rate);
    }
}
