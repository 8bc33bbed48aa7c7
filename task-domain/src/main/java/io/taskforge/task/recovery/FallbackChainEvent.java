package io.taskforge.task.recovery;

import java.time.Instant;

/** Common shape of every event in a fallback chain's stream: its configuration history. */
public interface FallbackChainEvent {

    FallbackChainId chainId();

    /** The chain's version after this event, starting at 1. */
    int version();

    /** Who made the change (the API key's owner or role). */
    String changedBy();

    Instant occurredAt();
}
