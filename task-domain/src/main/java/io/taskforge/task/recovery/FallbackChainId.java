package io.taskforge.task.recovery;

import java.util.Objects;
import java.util.UUID;

/** Identifies one fallback chain; its string form is the aggregate identifier in the event store. */
public record FallbackChainId(UUID value) {

    public FallbackChainId {
        Objects.requireNonNull(value, "value");
    }

    public static FallbackChainId random() {
        return new FallbackChainId(UUID.randomUUID());
    }

    public static FallbackChainId parse(String text) {
        return new FallbackChainId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
