package io.taskforge.task.event;

import io.taskforge.task.TaskId;
import io.taskforge.task.recovery.FallbackChainSnapshot;
import io.taskforge.task.recovery.FallbackStep;
import java.time.Instant;
import java.util.Map;

/**
 * The task's retries were spent, and a step of a fallback chain took over.
 *
 * @param chain the chain as it stood when the task took it up
 * @param stepIndex the step's place in the chain, from 0
 * @param failedAttempt the attempt whose failure led here
 * @param nextAttempt the attempt the step runs first; 0 for an escalation, which runs none
 * @param type the handler type the step's attempts run
 * @param provider the provider they run against; null when none
 * @param input the input they run with
 */
public record FallbackStepAppliedEvent(
        TaskId taskId,
        FallbackChainSnapshot chain,
        int stepIndex,
        FallbackStep step,
        int failedAttempt,
        int nextAttempt,
        String type,
        String provider,
        Map<String, Object> input,
        Instant occurredAt)
        implements TaskEvent {}
