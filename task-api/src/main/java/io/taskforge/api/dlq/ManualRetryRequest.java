package io.taskforge.api.dlq;

import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * What a manual retry may say.
 *
 * @param input replaces the task's input from now on; left out to keep it
 * @param reason why, for the timeline
 */
record ManualRetryRequest(
        Map<String, Object> input, @Size(max = 2000) String reason) {}
