package io.taskforge.hardware;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns the raw readings of one input into clean changes: a new state counts once every reading
 * has shown it for the settle time, so a contact's bounces never count as presses.
 */
final class Debouncer {

    private final Duration settle;
    private boolean stable;
    private Instant changingSince;

    Debouncer(Duration settle, boolean initial) {
        this.settle = settle;
        this.stable = initial;
    }

    /** Takes one reading; answers the new state when the reading completes a change. */
    Optional<Boolean> read(boolean raw, Instant now) {
        if (raw == stable) {
            changingSince = null;
            return Optional.empty();
        }
        if (changingSince == null) {
            changingSince = now;
        }
        if (now.isBefore(changingSince.plus(settle))) {
            return Optional.empty();
        }
        stable = raw;
        changingSince = null;
        return Optional.of(raw);
    }

    boolean state() {
        return stable;
    }
}
