package io.taskforge.engine.telemetry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.taskforge.engine.execution.TaskHandlers;
import io.taskforge.engine.queue.TaskQueue;
import io.taskforge.engine.queue.TypeLoad;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Queue depth and running attempts per handler type ({@code taskforge_queue_depth{type}},
 * {@code taskforge_queue_running{type}}), over all nodes. Every queued task has a type this engine
 * has a handler for (submissions of other types are refused), so the gauges are the handlers'; one
 * scrape reads the queue once, for all of them.
 */
@Component
class QueueMeters implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(QueueMeters.class);

    static final Duration MAX_AGE = Duration.ofSeconds(2);

    private final TaskQueue queue;
    private final TaskHandlers handlers;
    private final Clock clock;
    private Map<String, TypeLoad> loads = Map.of();
    private boolean readFailed;
    private Instant readAt = Instant.MIN;

    QueueMeters(TaskQueue queue, TaskHandlers handlers, Clock clock) {
        this.queue = queue;
        this.handlers = handlers;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String type : handlers.types()) {
            gauge(
                    registry,
                    "taskforge.queue.depth",
                    "Tasks waiting (pending or due for a retry), over all nodes",
                    type,
                    TypeLoad::waiting);
            gauge(registry, "taskforge.queue.running", "Attempts running, over all nodes", type, TypeLoad::running);
        }
    }

    private void gauge(
            MeterRegistry registry, String name, String description, String type, ToLongFunction<TypeLoad> value) {
        Gauge.builder(name, this, meters -> meters.read(type, value))
                .tag("type", type)
                .description(description)
                .register(registry);
    }

    /** The current value; NaN while the queue cannot be read. */
    private synchronized double read(String type, ToLongFunction<TypeLoad> value) {
        Instant now = clock.instant();
        if (!now.isBefore(readAt.plus(MAX_AGE))) {
            readAt = now;
            try {
                loads = queue.loadByType().stream().collect(Collectors.toMap(TypeLoad::type, load -> load));
                readFailed = false;
            } catch (RuntimeException unreadable) {
                readFailed = true;
                log.debug("queue unreadable for metrics: {}", unreadable.getMessage());
            }
        }
        if (readFailed) {
            return Double.NaN;
        }
        TypeLoad load = loads.get(type);
        return load == null ? 0 : value.applyAsLong(load);
    }
}
