package io.taskforge.engine.recovery;

import io.taskforge.task.recovery.FallbackChainConfig;
import io.taskforge.task.recovery.FallbackChainId;
import io.taskforge.task.recovery.FallbackChainSnapshot;
import java.time.Instant;

/** A live fallback chain with its current configuration. */
public record StoredChain(
        FallbackChainId chainId,
        int version,
        FallbackChainConfig config,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    FallbackChainSnapshot snapshot() {
        return new FallbackChainSnapshot(chainId, config.name(), version, config.steps());
    }
}
