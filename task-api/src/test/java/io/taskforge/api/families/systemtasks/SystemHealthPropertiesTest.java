package io.taskforge.api.families.systemtasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SystemHealthPropertiesTest {

    @Test
    void accepts_only_a_server_error_status_for_degraded() {
        assertThat(new SystemHealthProperties(500).degradedStatus()).isEqualTo(500);
        assertThat(new SystemHealthProperties(503).degradedStatus()).isEqualTo(503);
        assertThatThrownBy(() -> new SystemHealthProperties(200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SystemHealthProperties(404)).isInstanceOf(IllegalArgumentException.class);
    }
}
