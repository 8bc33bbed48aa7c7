package io.taskforge.hardware;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Waits between a loop's iterations; injected so that tests can advance time instead of sleeping. */
@FunctionalInterface
interface Waiter {

    /** Returns once {@code when} has come, or at once when it has passed. */
    void waitUntil(Instant when) throws InterruptedException;

    /** Sleeps until the clock shows {@code when}. */
    static Waiter sleeping(Clock clock) {
        return when -> {
            Duration left = Duration.between(clock.instant(), when);
            if (!left.isNegative() && !left.isZero()) {
                Thread.sleep(left);
            }
        };
    }
}
