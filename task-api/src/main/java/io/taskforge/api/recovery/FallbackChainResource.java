package io.taskforge.api.recovery;

import io.taskforge.engine.recovery.StoredChain;
import java.time.Instant;
import java.util.List;

/** A chain as the API shows it. */
record FallbackChainResource(
        String id,
        String chainId,
        String name,
        int version,
        MatchBody match,
        List<StepBody> steps,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    static FallbackChainResource of(StoredChain chain) {
        return new FallbackChainResource(
                chain.chainId().toString(),
                chain.chainId().toString(),
                chain.config().name(),
                chain.version(),
                MatchBody.of(chain.config().match()),
                chain.config().steps().stream().map(StepBody::of).toList(),
                chain.createdAt(),
                chain.createdBy(),
                chain.updatedAt(),
                chain.updatedBy());
    }
}
