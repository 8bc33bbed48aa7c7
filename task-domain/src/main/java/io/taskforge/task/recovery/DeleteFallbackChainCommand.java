package io.taskforge.task.recovery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retire a chain: it takes over no further tasks; tasks already in it finish their steps. */
public record DeleteFallbackChainCommand(
        @TargetAggregateIdentifier FallbackChainId chainId, String requestedBy) {}
