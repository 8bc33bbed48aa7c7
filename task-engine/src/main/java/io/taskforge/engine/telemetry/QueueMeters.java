package io.taskforge.engine.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.taskforge.engine.execution.RunUntilStopped;
import io.taskforge.engine.queue.TaskQueue;
import io.taskforge.engine.queue.TypeLoad;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Queue depth and running attempts per type ({@code taskforge_queue_depth{type}},
 * {@code taskforge_queue_running{type}}), over all nodes, read from the queue every few seconds:
 * types come and go, and a scrape should not wait for the database.
 */
@Component
class QueueMeters extends RunUntilStopped {

    static final Duration REFRESH = Duration.ofSeconds(5);

    private final TaskQueue queue;
    private final MultiGauge depth;
    private final MultiGauge running;

    QueueMeters(TaskQueue queue, MeterRegistry registry) {
        super("queue-meters");
        this.queue = queue;
        this.depth = MultiGauge.builder("taskforge.queue.depth")
                .description("Tasks waiting in the queue (pending or due for a retry), per type, over all nodes")
                .register(registry);
        this.running = MultiGauge.builder("taskforge.queue.running")
                .description("Attempts running, per type, over all nodes")
                .register(registry);
    }

    @Override
    protected void step() {
        List<TypeLoad> loads = queue.loadByType();
        depth.register(
                loads.stream()
                        .map(load -> MultiGauge.Row.of(Tags.of("type", load.type()), load.waiting()))
                        .toList(),
                true);
        running.register(
                loads.stream()
                        .map(load -> MultiGauge.Row.of(Tags.of("type", load.type()), load.running()))
                        .toList(),
                true);
    }

    @Override
    protected void pause() throws InterruptedException {
        Thread.sleep(REFRESH);
    }
}
