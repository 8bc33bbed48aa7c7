package io.taskforge.api.retention;

import io.taskforge.engine.execution.RunUntilStopped;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Archives, every few minutes until stopped, the tasks that finished more than {@code
 * TASK_RETENTION_HOURS} ago (none when it is 0); every node may run it because archiving twice changes
 * nothing, a failing round is logged and retried, and an interruption while stopping ends it quietly.
 */
@Component
public class RetentionJob extends RunUntilStopped {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final TaskRetention retention;
    private final RetentionProperties properties;
    private final Clock clock;

    public RetentionJob(TaskRetention retention, RetentionProperties properties, Clock clock) {
        super("retention");
        this.retention = retention;
        this.properties = properties;
        this.clock = clock;
    }

    /** One round: archives what finished before the retention window; returns how many. */
    public int archiveRound() {
        Instant cutoff = clock.instant().minus(properties.retention());
        int archived = retention.archiveFinishedBefore(cutoff);
        if (archived > 0) {
            log.info("archived {} task(s) that finished before {}", archived, cutoff);
        }
        return archived;
    }

    @Override
    protected boolean enabled() {
        return !properties.keepsForever();
    }

    @Override
    protected void step() {
        archiveRound();
    }

    @Override
    protected void pause() throws InterruptedException {
        Thread.sleep(properties.interval());
    }
}
