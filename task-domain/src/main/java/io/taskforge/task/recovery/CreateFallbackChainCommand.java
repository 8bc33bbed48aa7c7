package io.taskforge.task.recovery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a fallback chain. */
public record CreateFallbackChainCommand(
        @TargetAggregateIdentifier FallbackChainId chainId, FallbackChainConfig config, String requestedBy) {}
