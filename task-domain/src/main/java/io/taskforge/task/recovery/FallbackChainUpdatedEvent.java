package io.taskforge.task.recovery;

import java.time.Instant;

/** A fallback chain's configuration was replaced. */
public record FallbackChainUpdatedEvent(
        FallbackChainId chainId, FallbackChainConfig config, int version, String changedBy, Instant occurredAt)
        implements FallbackChainEvent {}
