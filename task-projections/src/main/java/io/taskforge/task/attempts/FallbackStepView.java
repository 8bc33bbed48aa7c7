package io.taskforge.task.attempts;

import java.time.Instant;

/**
 * A fallback step in a task's attempt ledger.
 *
 * @param stepIndex the step's place in its chain, from 0
 * @param strategy {@code retry}, {@code switch_provider}, {@code fallback_type} or {@code escalate}
 * @param afterAttempt the attempt whose failure led to the step
 * @param nextAttempt the first attempt the step runs; 0 for an escalation
 * @param type the handler type the step's attempts run
 * @param provider the provider they run against; null when none
 */
public record FallbackStepView(
        String chainId,
        String chainName,
        int chainVersion,
        int stepIndex,
        String strategy,
        int afterAttempt,
        int nextAttempt,
        String type,
        String provider,
        Instant appliedAt) {}
