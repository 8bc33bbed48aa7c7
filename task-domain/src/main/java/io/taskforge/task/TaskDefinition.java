package io.taskforge.task;

import java.util.Map;
import java.util.Objects;

/**
 * Everything a client said about a task when it submitted it.
 *
 * @param type the handler that runs the task, such as {@code http} or {@code command}
 * @param category monitoring group of the task
 * @param description what the task is for, in the submitter's words
 * @param input the handler's input
 * @param metadata free-form facts about the task (amounts, kinds, ids of the caller's objects)
 * @param provider the external system the task depends on, for circuit breaking; may be null
 * @param priority higher runs first among due tasks
 * @param timeoutSeconds how long one attempt may run before it is timed out
 * @param retry retry budget and backoff
 * @param owner who the task belongs to; may be null
 * @param createdBy the caller that submitted it (an API key name, a code location); may be null
 * @param problemId the caller's problem identifier (seed 002 clients); may be null
 * @param idempotencyKey the key that makes a repeated submission return this task; may be null
 */
public record TaskDefinition(
        String type,
        TaskCategory category,
        String description,
        Map<String, Object> input,
        Map<String, Object> metadata,
        String provider,
        int priority,
        long timeoutSeconds,
        RetrySettings retry,
        String owner,
        String createdBy,
        String problemId,
        String idempotencyKey) {

    public TaskDefinition {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("type is required");
        }
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("timeout_seconds must be at least 1");
        }
        category = Objects.requireNonNullElse(category, TaskCategory.GENERAL);
        input = input == null ? Map.of() : input;
        metadata = metadata == null ? Map.of() : metadata;
        retry = Objects.requireNonNullElse(retry, RetrySettings.DEFAULT);
    }
}
