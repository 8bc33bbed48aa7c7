package io.taskforge.task.recovery;

import java.time.Instant;

/** A fallback chain was created. */
public record FallbackChainCreatedEvent(
        FallbackChainId chainId, FallbackChainConfig config, int version, String changedBy, Instant occurredAt)
        implements FallbackChainEvent {}
