package io.taskforge.task.query;

import io.taskforge.task.SecretValues;
import io.taskforge.task.TaskCategory;
import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The task view's row; changed only through the named transitions the projection calls. */
@Entity
@Table(name = "task_view")
class TaskViewRow {

    @Id
    private UUID taskId;

    private Long number;

    private String type;

    @Enumerated(EnumType.STRING)
    private TaskCategory category;

    private String description;

    @Enumerated(EnumType.STRING)
    private TaskStatus status;

    private boolean inDlq;
    private boolean archived;
    private int priority;
    private String provider;
    private String owner;
    private String createdBy;
    private String problemId;

    @Convert(converter = JsonMapConverter.class)
    @Column(name = "input_json")
    private Map<String, Object> input;

    @Convert(converter = JsonMapConverter.class)
    @Column(name = "metadata_json")
    private Map<String, Object> metadata;

    private int progress;
    private String progressMessage;

    @Convert(converter = JsonMapConverter.class)
    @Column(name = "result_json")
    private Map<String, Object> result;

    private String errorType;
    private String errorMessage;
    private String workerId;
    private int attempts;
    private int maxAttempts;
    private long timeoutSeconds;
    private Instant nextRetryAt;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant startedAt;
    private Instant completedAt;
    private Instant finishedAt;

    static TaskViewRow created(TaskId taskId, Long number, TaskDefinition definition, Instant at) {
        TaskViewRow row = new TaskViewRow();
        row.taskId = taskId.value();
        row.number = number;
        row.type = definition.type();
        row.category = definition.category();
        row.description = definition.description();
        row.status = TaskStatus.PENDING;
        row.priority = definition.priority();
        row.provider = definition.provider();
        row.owner = definition.owner();
        row.createdBy = definition.createdBy();
        row.problemId = definition.problemId();
        row.input = definition.input();
        row.metadata = definition.metadata();
        row.maxAttempts = definition.retry().maxAttempts();
        row.timeoutSeconds = definition.timeoutSeconds();
        row.createdAt = at;
        row.updatedAt = at;
        return row;
    }

    void attemptStarted(int attempt, String worker, Instant at) {
        status = TaskStatus.RUNNING;
        attempts = attempt;
        workerId = worker;
        nextRetryAt = null;
        if (startedAt == null) {
            startedAt = at;
        }
        updatedAt = at;
    }

    void progressed(int percent, String message, Instant at) {
        progress = percent;
        progressMessage = message;
        updatedAt = at;
    }

    void attemptFailed(TaskError error, Instant at) {
        errorType = error.type();
        errorMessage = error.message();
        updatedAt = at;
    }

    void retryScheduled(Instant dueAt, Instant at) {
        status = TaskStatus.RETRY_SCHEDULED;
        nextRetryAt = dueAt;
        updatedAt = at;
    }

    void completed(Map<String, Object> taskResult, Instant at) {
        result = taskResult;
        progress = 100;
        errorType = null;
        errorMessage = null;
        completedAt = at;
        finished(TaskStatus.COMPLETED, at);
    }

    void failed(TaskError error, Instant at) {
        attemptFailed(error, at);
        finished(TaskStatus.FAILED, at);
    }

    void movedToDlq(Instant at) {
        inDlq = true;
        updatedAt = at;
    }

    void cancelled(Instant at) {
        finished(TaskStatus.CANCELLED, at);
    }

    void timedOut(Instant at) {
        finished(TaskStatus.TIMEOUT, at);
    }

    /** A manual retry with an edited input runs with that input from now on. */
    void inputEdited(Map<String, Object> editedInput, Instant at) {
        input = editedInput;
        updatedAt = at;
    }

    void requeued(Instant at) {
        status = TaskStatus.PENDING;
        inDlq = false;
        progress = 0;
        progressMessage = null;
        result = null;
        errorType = null;
        errorMessage = null;
        nextRetryAt = null;
        completedAt = null;
        finishedAt = null;
        updatedAt = at;
    }

    void archived(Instant at) {
        archived = true;
        updatedAt = at;
    }

    private void finished(TaskStatus finalStatus, Instant at) {
        status = finalStatus;
        nextRetryAt = null;
        finishedAt = at;
        updatedAt = at;
    }

    TaskId taskId() {
        return new TaskId(taskId);
    }

    Long number() {
        return number;
    }

    /** The task as readers see it: secret-looking values in its input, metadata and result redacted. */
    TaskView toView() {
        return new TaskView(
                new TaskId(taskId),
                number,
                type,
                category,
                description,
                status,
                inDlq,
                archived,
                priority,
                provider,
                owner,
                createdBy,
                problemId,
                SecretValues.redacted(input),
                SecretValues.redacted(metadata),
                progress,
                progressMessage,
                SecretValues.redacted(result),
                errorType,
                errorMessage,
                workerId,
                attempts,
                maxAttempts,
                timeoutSeconds,
                nextRetryAt,
                createdAt,
                updatedAt,
                startedAt,
                completedAt,
                finishedAt);
    }

    /** JPA needs a no-argument constructor. */
    protected TaskViewRow() {}
}
