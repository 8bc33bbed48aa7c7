package io.taskforge.engine.builtin;

import io.taskforge.handler.TaskContext;
import io.taskforge.handler.TaskHandler;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Does nothing and succeeds: for demos, smoke tests and measuring the engine's own overhead. */
@Component
class NoopHandler implements TaskHandler {

    @Override
    public String type() {
        return "noop";
    }

    @Override
    public Map<String, Object> execute(TaskContext context) {
        return Map.of();
    }
}
