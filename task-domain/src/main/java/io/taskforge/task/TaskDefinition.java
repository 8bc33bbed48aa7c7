package io.taskforge.task;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

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

    /** The longest handler type name. */
    public static final int MAX_TYPE_CHARS = 100;

    /** The longest description. */
    public static final int MAX_DESCRIPTION_CHARS = 2000;

    /** The longest name of a provider, owner, creator, problem or idempotency key. */
    public static final int MAX_NAME_CHARS = 200;

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

    /** The same task with another input, as a manual retry with an edited input runs it. */
    public TaskDefinition withInput(Map<String, Object> newInput) {
        return new TaskDefinition(
                type,
                category,
                description,
                newInput,
                metadata,
                provider,
                priority,
                timeoutSeconds,
                retry,
                owner,
                createdBy,
                problemId,
                idempotencyKey);
    }

    /**
     * Why this definition cannot be stored, naming the field: a name or description over its limit,
     * or text (in the input and metadata too) that no store accepts. Empty when it can be stored.
     * Checked when a task is created rather than here, so that events stored before the check still
     * read.
     */
    public Optional<String> storageProblem() {
        return Stream.of(
                        tooLong("type", type, MAX_TYPE_CHARS),
                        tooLong("description", description, MAX_DESCRIPTION_CHARS),
                        tooLong("provider", provider, MAX_NAME_CHARS),
                        tooLong("owner", owner, MAX_NAME_CHARS),
                        tooLong("created_by", createdBy, MAX_NAME_CHARS),
                        tooLong("problem_id", problemId, MAX_NAME_CHARS),
                        tooLong("idempotency_key", idempotencyKey, MAX_NAME_CHARS),
                        StorableText.problemIn("type", type),
                        StorableText.problemIn("description", description),
                        StorableText.problemIn("provider", provider),
                        StorableText.problemIn("owner", owner),
                        StorableText.problemIn("created_by", createdBy),
                        StorableText.problemIn("problem_id", problemId),
                        StorableText.problemIn("idempotency_key", idempotencyKey),
                        StorableText.problemIn("input", input),
                        StorableText.problemIn("metadata", metadata))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<String> tooLong(String field, String value, int maxChars) {
        return value != null && value.length() > maxChars
                ? Optional.of(
                        field + " is " + value.length() + " characters long; at most " + maxChars + " are allowed")
                : Optional.empty();
    }
}
