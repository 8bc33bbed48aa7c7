package io.taskforge.api.tasks;

import static io.taskforge.task.TaskDefinition.MAX_DESCRIPTION_CHARS;
import static io.taskforge.task.TaskDefinition.MAX_NAME_CHARS;
import static io.taskforge.task.TaskDefinition.MAX_TYPE_CHARS;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A task submission: the canonical body, or a seed 002 body ({@code problem_id} and
 * {@code parameters}, where {@code parameters.timeout} is in seconds). Any other field is refused:
 * {@code created_by} comes from the API key.
 */
record CreateTaskRequest(
        @Size(max = MAX_TYPE_CHARS)
        @Pattern(regexp = "[a-z0-9][a-z0-9_.-]*", message = "must be a lower-case handler name")
        String type,

        @Size(max = 32) String category,
        @Size(max = MAX_DESCRIPTION_CHARS) String description,
        Map<String, Object> input,
        Map<String, Object> parameters,
        Map<String, Object> metadata,
        @Size(max = MAX_NAME_CHARS) String provider,
        @Min(-1000) @Max(1000) Integer priority,
        @Min(1) @Max(604_800) Long timeoutSeconds,
        @Valid RetryRequest retry,
        @Size(max = MAX_NAME_CHARS) String owner,
        @Size(max = MAX_NAME_CHARS) String problemId,
        @Size(max = MAX_NAME_CHARS) String idempotencyKey) {}
