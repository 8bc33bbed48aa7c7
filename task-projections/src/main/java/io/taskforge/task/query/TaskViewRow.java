package io.taskforge.task.query;

import io.taskforge.task.SecretValues;
import io.taskforge.task.TaskCategory;
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
import org.hibernate.annotations.Immutable;

/**
 * The task view's row, as readers load it; the projection writes rows with JDBC ({@link ViewWrites}).
 */
@Entity
@Immutable
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
