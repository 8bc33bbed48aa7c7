package io.taskforge.engine.queue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timing of the queue's leases and claims.
 *
 * @param lease how long a running attempt stays assigned to its worker without a heartbeat; a
 *     worker that dies is noticed after at most this long
 * @param claimTimeout how long a claimed task may wait for its attempt to start before another
 *     node may claim it
 */
@ConfigurationProperties("taskforge.queue")
public record QueueProperties(
        @DefaultValue("30s") Duration lease,
        @DefaultValue("15s") Duration claimTimeout) {}
