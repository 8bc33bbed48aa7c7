package io.taskforge.engine.execution;

import java.time.Instant;

/**
 * What a running attempt that watches its liveness last reported.
 *
 * @param status how far it got, in its own words, such as {@code "1200 frames rendered"}; may be null
 * @param reportedAt when it reported, as of the last heartbeat
 * @param stalledFrom when it counts as stalled unless it reports again
 */
public record ReportedLiveness(String status, Instant reportedAt, Instant stalledFrom) {}
