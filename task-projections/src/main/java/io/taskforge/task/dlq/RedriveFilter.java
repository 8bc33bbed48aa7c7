package io.taskforge.task.dlq;

import java.time.Instant;

/**
 * Which pending dead letters a bulk redrive takes; a criterion left null takes any.
 *
 * @param errorType the last error's type, as the entry shows it
 * @param since moved to the dead letter queue at or after this
 * @param until moved there before this
 * @param owner only this owner's tasks; null for every owner's
 */
public record RedriveFilter(
        String errorType, String provider, String type, Instant since, Instant until, String owner) {}
