package io.taskforge.support;

import io.taskforge.handler.TaskContext;
import io.taskforge.handler.TaskHandler;
import java.util.Map;
import org.springframework.boot.test.context.TestComponent;

/** A test handler of type {@code parked}, whose concurrency limit is 0: its tasks wait for a runner forever. */
@TestComponent
public class ParkedHandler implements TaskHandler {

    @Override
    public String type() {
        return "parked";
    }

    @Override
    public Map<String, Object> execute(TaskContext context) {
        throw new IllegalStateException("parked tasks must never run");
    }
}
