package io.taskforge.task.recovery;

import java.time.Instant;

/** A fallback chain was retired. */
public record FallbackChainDeletedEvent(FallbackChainId chainId, int version, String changedBy, Instant occurredAt)
        implements FallbackChainEvent {}
