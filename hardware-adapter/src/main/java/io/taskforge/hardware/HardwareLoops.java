package io.taskforge.hardware;

import io.taskforge.handler.TaskSubmitter;
import io.taskforge.task.TaskCategory;
import io.taskforge.task.TaskDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * Starts the panel's loops as tasks once the engine is ready, each through a create command, and
 * cancels them when the engine shuts down (before its workers stop), so that every run of the
 * loops is in the event store from start to end.
 */
final class HardwareLoops {

    static final String RENDER_LOOP = "render-loop";
    static final String POLL_LOOP = "poll-loop";

    /** Loops run until stopped: their attempts get a deadline that never comes in practice. */
    static final Duration LOOP_TIMEOUT = Duration.ofDays(3650);

    /** Loop tasks start before any waiting work. */
    static final int LOOP_PRIORITY = 1000;

    private static final Logger log = LoggerFactory.getLogger(HardwareLoops.class);

    private final TaskSubmitter submitter;
    private final HardwareProperties properties;
    private final String platform;
    private final String run = UUID.randomUUID().toString();
    private final List<LoopTask> started = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    HardwareLoops(TaskSubmitter submitter, HardwareProperties properties, String platform) {
        this.submitter = submitter;
        this.properties = properties;
        this.platform = platform;
    }

    /** This run of the engine: a loop task carries it, so a task an earlier run started is recognised. */
    String run() {
        return run;
    }

    boolean isRunning() {
        return running;
    }

    List<LoopTask> started() {
        return List.copyOf(started);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startLoops() {
        RenderLoopProperties render = properties.render();
        if (!render.outputs().isEmpty()) {
            start(RENDER_LOOP, TaskCategory.RENDER, render.description(), render.supervision());
        }
        PollLoopProperties poll = properties.poll();
        if (!poll.inputs().isEmpty()) {
            start(POLL_LOOP, TaskCategory.HARDWARE, poll.description(), poll.supervision());
        }
        log.info("Hardware adapter on the {} platform started its loops: {}", platform, started);
    }

    /**
     * Cancels the loops first, so that each ends as cancelled rather than completed; a loop whose
     * cancel did not go through still stops at its next iteration.
     */
    @EventListener(ContextClosedEvent.class)
    void stopLoops() {
        started.forEach(loop -> submitter.cancel(loop.taskId(), "the engine is shutting down", "hardware-adapter"));
        running = false;
    }

    private void start(String type, TaskCategory category, String description, LoopSupervision supervision) {
        var definition = new TaskDefinition(
                type,
                category,
                description,
                Map.of(LoopHandler.RUN, run),
                Map.of("kind", "hardware_loop", "platform", platform),
                null,
                LOOP_PRIORITY,
                LOOP_TIMEOUT.toSeconds(),
                supervision.retry(),
                null,
                "hardware-adapter",
                null,
                null);
        started.add(new LoopTask(type, category.name(), submitter.submit(definition)));
    }
}
