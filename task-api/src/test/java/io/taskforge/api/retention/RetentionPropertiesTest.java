package io.taskforge.api.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetentionPropertiesTest {

    private static final Duration INTERVAL = Duration.ofMinutes(5);

    @Test
    void zero_hours_keep_tasks_forever() {
        assertThat(new RetentionProperties(0, INTERVAL).keepsForever()).isTrue();
    }

    @Test
    void hours_set_the_retention_window() {
        var daily = new RetentionProperties(24, INTERVAL);

        assertThat(daily.keepsForever()).isFalse();
        assertThat(daily.retention()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void refuses_negative_hours_and_a_non_positive_interval() {
        assertThatThrownBy(() -> new RetentionProperties(-1, INTERVAL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TASK_RETENTION_HOURS");
        assertThatThrownBy(() -> new RetentionProperties(1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
