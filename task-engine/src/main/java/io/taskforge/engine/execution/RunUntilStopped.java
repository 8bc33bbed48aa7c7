package io.taskforge.engine.execution;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A background loop that runs one step, waits, and repeats until stopped. A failing step is logged
 * and the loop goes on; an interruption while stopping ends it quietly.
 */
public abstract class RunUntilStopped implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private volatile Thread thread;

    protected RunUntilStopped(String name) {
        this.name = name;
    }

    /** One iteration of the loop. */
    protected abstract void step() throws Exception;

    /** Waits between iterations; may return early when there is work. */
    protected abstract void pause() throws InterruptedException;

    /** Whether this node runs the loop at all. */
    protected boolean enabled() {
        return true;
    }

    @Override
    public void start() {
        if (enabled()) {
            // assigned before it starts: the loop runs only while it is the current thread
            Thread loop = Thread.ofPlatform().name(name).daemon().unstarted(this::loop);
            thread = loop;
            loop.start();
        }
    }

    @Override
    public void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
            joinQuietly(running, Duration.ofSeconds(5));
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
                pause();
            } catch (InterruptedException stopping) {
                return;
            } catch (Exception failure) {
                if (thread == Thread.currentThread()) {
                    log.warn("{} step failed; trying again", name, failure);
                    sleepQuietly();
                }
            }
        }
    }

    private void sleepQuietly() {
        try {
            pause();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread thread, Duration timeout) {
        try {
            thread.join(timeout);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
