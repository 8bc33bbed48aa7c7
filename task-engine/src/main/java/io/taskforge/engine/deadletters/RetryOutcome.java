package io.taskforge.engine.deadletters;

/**
 * What a retry of parked events did.
 *
 * @param tried tasks whose parked events were retried
 * @param cleared tasks whose events all applied and left the queue
 * @param stillParked tasks whose events failed again and stay parked
 */
public record RetryOutcome(String processingGroup, int tried, int cleared, int stillParked) {}
