package io.taskforge.engine.execution;

import org.springframework.stereotype.Component;

/**
 * Control of this node's internal workers (seed 002's pool): how many run, and whether they take
 * work at all. {@code NUM_INTERNAL_WORKERS} and {@code AUTO_START_WORKERS} set the state at start-up.
 * Stopping or shrinking the pool loses nothing: claimed tasks go back to the queue for any worker,
 * and running attempts finish first.
 */
@Component
public class InternalWorkers {

    /** The most internal workers one node may run. */
    public static final int MAX_WORKERS = 1_000;

    private final AttemptRunner runner;

    InternalWorkers(AttemptRunner runner) {
        this.runner = runner;
    }

    public InternalPoolStatus status() {
        return runner.status();
    }

    /** Sets the number of workers and returns the previous one. */
    public int scale(int workers) {
        if (workers < 0 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException(
                    "num_workers must lie between 0 and " + MAX_WORKERS + ", not " + workers);
        }
        return runner.resize(workers);
    }

    /** Stops taking work; returns how many workers were running (0 when the pool was stopped already). */
    public int stop() {
        int size = runner.status().size();
        return runner.run(false) ? size : 0;
    }

    /** Starts taking work again; returns how many workers run. */
    public int start() {
        runner.run(true);
        return runner.status().size();
    }
}
