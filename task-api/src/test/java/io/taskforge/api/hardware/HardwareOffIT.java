package io.taskforge.api.hardware;

import static io.taskforge.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.handler.TaskHandler;
import io.taskforge.support.ApiIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Without TASKFORGE_HARDWARE_ENABLED the engine has no adapter: no loops, no pins, nothing to press. */
class HardwareOffIT extends ApiIntegrationTest {

    @Autowired
    private List<TaskHandler> handlers;

    @Test
    void the_panel_says_the_adapter_is_off_and_lists_nothing() {
        var answer = api(VIEWER_KEY).get("/api/v1/hardware");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode panel = answer.body();
        assertThat(panel.path("enabled").asBoolean()).isFalse();
        assertThat(panel.path("platform").isNull()).isTrue();
        assertThat(panel.path("loops")).isEmpty();
        assertThat(panel.path("outputs")).isEmpty();
        assertThat(panel.path("inputs")).isEmpty();
    }

    @Test
    void pressing_a_button_answers_404_naming_the_switch_that_turns_the_adapter_on() {
        var answer = operator().post("/api/v1/hardware/inputs/start/press");

        assertError(answer, 404, "not_found");
        assertThat(answer.text("detail")).contains("TASKFORGE_HARDWARE_ENABLED=true");
    }

    @Test
    void the_engine_has_no_loop_handlers() {
        assertThat(handlers).extracting(TaskHandler::type).doesNotContain("render-loop", "poll-loop");
    }
}
