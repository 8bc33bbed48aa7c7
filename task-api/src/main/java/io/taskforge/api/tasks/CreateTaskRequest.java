package io.taskforge.api.tasks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A task submission: the canonical body, or a seed 002 body ({@code problem_id} and
 * {@code parameters}, where {@code parameters.timeout} is in seconds).
 */
record CreateTaskRequest(
        @Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9_.-]*", message = "must be a lower-case handler name")
        String type,

        @Size(max = 32) String category,
        @Size(max = 2000) String description,
        Map<String, Object> input,
        Map<String, Object> parameters,
        Map<String, Object> metadata,
        @Size(max = 200) String provider,
        @Min(-1000) @Max(1000) Integer priority,
        @Min(1) @Max(604_800) Long timeoutSeconds,
        @Valid RetryRequest retry,
        @Size(max = 200) String owner,
        @Size(max = 200) String createdBy,
        @Size(max = 200) String problemId,
        @Size(max = 200) String idempotencyKey) {}
