package io.taskforge.engine.queue;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Wakes the dispatcher, and every worker waiting in a long-poll claim, when work may have become
 * available; both poll anyway, so a lost wake costs only latency.
 */
@Component
public class QueueSignal {

    private final Semaphore signal = new Semaphore(0);
    private final Object changes = new Object();
    private long generation;

    public void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
        synchronized (changes) {
            generation++;
            changes.notifyAll();
        }
    }

    /** A number that changes with every wake, to wait for the next one with. */
    public long generation() {
        synchronized (changes) {
            return generation;
        }
    }

    /** Waits until a wake after {@code seen} was taken, or the timeout; any number of threads may wait. */
    public void awaitChange(long seen, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        synchronized (changes) {
            long left;
            while (generation == seen && (left = until - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(changes, left);
            }
        }
    }

    /** The dispatcher's wait: for a wake or the timeout; returns early on either. */
    public void await(Duration timeout) throws InterruptedException {
        if (signal.tryAcquire(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
            signal.drainPermits();
        }
    }
}
