package io.taskforge.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Archives, every few minutes until stopped, the tasks that finished more than {@code
 * TASK_RETENTION_HOURS} ago (none when it is 0); every node may run it because archiving twice changes
 * nothing, a failing round is logged and retried, and an interruption while stopping ends it quietly.
 */
@Component
class RetentionJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final TaskRetention retention;
    private final RetentionProperties properties;
    private final Clock clock;
    private volatile Thread thread;

    RetentionJob(TaskRetention retention, RetentionProperties properties, Clock clock) {
        this.retention = retention;
        this.properties = properties;
        this.clock = clock;
    }

    /** One round: archives what finished before the retention window; returns how many. */
    int step() {
        Instant cutoff = clock.instant().minus(properties.retention());
        int archived = retention.archiveFinishedBefore(cutoff);
        if (archived > 0) {
            log.info("archived {} task(s) that finished before {}", archived, cutoff);
        }
        return archived;
    }

    @Override
    public void start() {
        if (!properties.keepsForever()) {
            thread = Thread.ofPlatform().name("retention").daemon().start(this::loop);
        }
    }

    @Override
    public void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(5));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void loop() {
        while (thread == Thread.currentThread()) {
            try {
                step();
                Thread.sleep(properties.interval());
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException failure) {
                if (thread != Thread.currentThread()) {
                    return;
                }
                log.warn("retention round failed; trying again in {}", properties.interval(), failure);
                try {
                    Thread.sleep(properties.interval());
                } catch (InterruptedException stopping) {
                    return;
                }
            }
        }
    }
}
