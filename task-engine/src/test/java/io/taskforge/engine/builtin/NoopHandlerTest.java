package io.taskforge.engine.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NoopHandlerTest {

    @Test
    void succeeds_at_once_with_an_empty_result() {
        NoopHandler handler = new NoopHandler();
        RecordingTaskContext context = new RecordingTaskContext(Map.of("anything", 1));

        assertThat(handler.type()).isEqualTo("noop");
        assertThat(handler.execute(context)).isEmpty();
        assertThat(context.progress()).isEmpty();
    }
}
