package io.taskforge.task.dlq;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a dead-lettered task stands. */
public enum DlqStatus {
    /** Waiting for a person to retry or retire it. */
    PENDING,
    /** Sent back to the queue. */
    RETRIED,
    /** Retired by the retention clean-up. */
    ARCHIVED;

    /** The lower-case word stored and shown to clients. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DlqStatus> named(String wireName) {
        return Arrays.stream(values())
                .filter(status -> status.wireName().equals(wireName))
                .findFirst();
    }
}
