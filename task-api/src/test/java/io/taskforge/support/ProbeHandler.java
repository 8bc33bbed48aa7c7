package io.taskforge.support;

import io.taskforge.handler.TaskContext;
import io.taskforge.handler.TaskHandler;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;

/**
 * A test handler of type {@code probe} that counts how many of its attempts run at the same time
 * and remembers the most it ever saw, to check concurrency limits from the inside.
 */
@TestComponent
public class ProbeHandler implements TaskHandler {

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    @Override
    public String type() {
        return "probe";
    }

    @Override
    public Map<String, Object> execute(TaskContext context) throws InterruptedException {
        int now = running.incrementAndGet();
        mostAtOnce.accumulateAndGet(now, Math::max);
        try {
            Thread.sleep(((Number) context.input().getOrDefault("millis", 20)).longValue());
            return Map.of("order", context.input().getOrDefault("order", 0));
        } finally {
            running.decrementAndGet();
        }
    }

    public int mostAtOnce() {
        return mostAtOnce.get();
    }
}
