package io.taskforge.support;

import io.taskforge.task.RetrySettings;
import io.taskforge.task.TaskCategory;
import io.taskforge.task.TaskDefinition;
import java.util.Map;

/**
 * The definition of a task that a test creates through commands: a {@code noop} task of one
 * attempt, timed out after an hour, with what the test cares about changed.
 */
public final class TestTask {

    private String type = "noop";
    private TaskCategory category = TaskCategory.GENERAL;
    private String description = "test task";
    private Map<String, Object> input = Map.of();
    private Map<String, Object> metadata = Map.of();
    private String provider;
    private long timeoutSeconds = 3600;
    private RetrySettings retry = new RetrySettings(1, 1000, 30_000, 0.25);
    private String owner;
    private String createdBy = "test";
    private String problemId;

    private TestTask() {}

    public static TestTask noop() {
        return new TestTask();
    }

    public TestTask type(String type) {
        this.type = type;
        return this;
    }

    public TestTask category(TaskCategory category) {
        this.category = category;
        return this;
    }

    public TestTask description(String description) {
        this.description = description;
        return this;
    }

    public TestTask input(Map<String, Object> input) {
        this.input = input;
        return this;
    }

    public TestTask metadata(Map<String, Object> metadata) {
        this.metadata = metadata;
        return this;
    }

    public TestTask provider(String provider) {
        this.provider = provider;
        return this;
    }

    public TestTask timeoutSeconds(long timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
        return this;
    }

    public TestTask retry(RetrySettings retry) {
        this.retry = retry;
        return this;
    }

    public TestTask owner(String owner) {
        this.owner = owner;
        return this;
    }

    public TestTask createdBy(String createdBy) {
        this.createdBy = createdBy;
        return this;
    }

    public TestTask problemId(String problemId) {
        this.problemId = problemId;
        return this;
    }

    public TaskDefinition definition() {
        return new TaskDefinition(
                type,
                category,
                description,
                input,
                metadata,
                provider,
                0,
                timeoutSeconds,
                retry,
                owner,
                createdBy,
                problemId,
                null);
    }
}
