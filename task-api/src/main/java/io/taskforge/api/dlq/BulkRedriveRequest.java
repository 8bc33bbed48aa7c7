package io.taskforge.api.dlq;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Which pending dead letters to send back to the queue; a filter left out takes any.
 *
 * @param errorType the last error's type, as the entry shows it
 * @param provider the task's provider
 * @param type the task's handler type
 * @param since moved to the dead letter queue at or after this
 * @param until moved there before this
 * @param dryRun true to count and show a sample without changing anything
 * @param limit the most tasks to take, oldest first (100 unless given)
 * @param ratePerSecond fewer tasks per second than the configured rate
 * @param reason why, for each task's timeline
 */
record BulkRedriveRequest(
        String errorType,
        String provider,
        String type,
        Instant since,
        Instant until,
        Boolean dryRun,
        @Min(1) Integer limit,
        @DecimalMin(value = "0", inclusive = false) Double ratePerSecond,
        @Size(max = 2000) String reason) {}
