package io.taskforge.engine.queue;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Wakes the dispatcher when work may have become available; it polls anyway, so a lost wake costs only latency. */
@Component
public class QueueSignal {

    private final Semaphore signal = new Semaphore(0);

    public void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Waits for a wake or the timeout; returns early on either. */
    public void await(Duration timeout) throws InterruptedException {
        if (signal.tryAcquire(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
            signal.drainPermits();
        }
    }
}
