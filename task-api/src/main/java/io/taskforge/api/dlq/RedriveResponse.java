package io.taskforge.api.dlq;

import java.util.List;

/**
 * What a bulk redrive did, or would do.
 *
 * @param matched pending dead letters the filter takes, in all
 * @param selected those this redrive took up (at most its limit), oldest first
 * @param requeued those sent back to the queue (none in a dry run)
 * @param wouldRequeue those a real run would send back now
 * @param heldBack those left in the dead letter queue, with why (an open breaker, or the task moved on)
 * @param requeuedTaskIds the tasks sent back, in order
 * @param sample the first of the tasks a real run would send back
 * @param ratePerSecond the pace the tasks were (or would be) sent back at
 */
record RedriveResponse(
        boolean dryRun,
        long matched,
        int selected,
        int requeued,
        int wouldRequeue,
        List<HeldBackTask> heldBack,
        List<String> requeuedTaskIds,
        List<DeadLetter> sample,
        double ratePerSecond) {}
