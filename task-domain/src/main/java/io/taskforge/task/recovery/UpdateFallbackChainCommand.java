package io.taskforge.task.recovery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replace a chain's configuration.
 *
 * @param expectedVersion the version the caller edited; null to replace whatever is there
 */
public record UpdateFallbackChainCommand(
        @TargetAggregateIdentifier FallbackChainId chainId,
        FallbackChainConfig config,
        Integer expectedVersion,
        String requestedBy) {}
