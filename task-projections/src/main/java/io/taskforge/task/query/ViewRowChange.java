package io.taskforge.task.query;

import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a batch of events changes in one task's row, as column values, so that the task view writes
 * without reading the row first. Every transition sets its columns outright, except the start of
 * the first attempt, which keeps a start the row already has. A row the batch creates holds every
 * column.
 */
final class ViewRowChange {

    private static final String STATUS = "status";
    private static final String UPDATED_AT = "updated_at";
    private static final String NEXT_RETRY_AT = "next_retry_at";
    private static final String ERROR_TYPE = "error_type";
    private static final String ERROR_MESSAGE = "error_message";
    private static final String PROGRESS = "progress";
    private static final String PROGRESS_MESSAGE = "progress_message";
    private static final String RESULT = "result_json";
    private static final String COMPLETED_AT = "completed_at";
    private static final String FINISHED_AT = "finished_at";
    private static final String STARTED_AT = "started_at";
    private static final String IN_DLQ = "in_dlq";
    private static final String ARCHIVED = "archived";
    private static final String ATTEMPTS = "attempts";
    private static final String WORKER_ID = "worker_id";
    private static final String INPUT = "input_json";

    /** Sorted, so that changes to the same columns share one statement. */
    private final SortedMap<String, Object> values = new TreeMap<>();

    private final SortedMap<String, Object> unlessSet = new TreeMap<>();

    static ViewRowChange created(TaskId taskId, Long number, TaskDefinition definition, Instant at) {
        ViewRowChange row = new ViewRowChange();
        row.set("task_id", taskId.value())
                .set("number", number)
                .set("type", definition.type())
                .set("category", definition.category())
                .set("description", definition.description())
                .set(STATUS, TaskStatus.PENDING)
                .set(IN_DLQ, false)
                .set(ARCHIVED, false)
                .set("priority", definition.priority())
                .set("provider", definition.provider())
                .set("owner", definition.owner())
                .set("created_by", definition.createdBy())
                .set("problem_id", definition.problemId())
                .set(INPUT, definition.input())
                .set("metadata_json", definition.metadata())
                .set(PROGRESS, 0)
                .set(PROGRESS_MESSAGE, null)
                .set(RESULT, null)
                .set(ERROR_TYPE, null)
                .set(ERROR_MESSAGE, null)
                .set(WORKER_ID, null)
                .set(ATTEMPTS, 0)
                .set("max_attempts", definition.retry().maxAttempts())
                .set("timeout_seconds", definition.timeoutSeconds())
                .set(NEXT_RETRY_AT, null)
                .set("created_at", at)
                .set(UPDATED_AT, at)
                .set(STARTED_AT, null)
                .set(COMPLETED_AT, null)
                .set(FINISHED_AT, null);
        return row;
    }

    void attemptStarted(int attempt, String worker, Instant at) {
        set(STATUS, TaskStatus.RUNNING).set(ATTEMPTS, attempt).set(WORKER_ID, worker);
        set(NEXT_RETRY_AT, null).setUnlessSet(STARTED_AT, at).set(UPDATED_AT, at);
    }

    void progressed(int percent, String message, Instant at) {
        set(PROGRESS, percent).set(PROGRESS_MESSAGE, message).set(UPDATED_AT, at);
    }

    void attemptFailed(TaskError error, Instant at) {
        set(ERROR_TYPE, error.type()).set(ERROR_MESSAGE, error.message()).set(UPDATED_AT, at);
    }

    void retryScheduled(Instant dueAt, Instant at) {
        set(STATUS, TaskStatus.RETRY_SCHEDULED).set(NEXT_RETRY_AT, dueAt).set(UPDATED_AT, at);
    }

    void completed(Map<String, Object> result, Instant at) {
        set(RESULT, result).set(PROGRESS, 100).set(ERROR_TYPE, null).set(ERROR_MESSAGE, null);
        set(COMPLETED_AT, at);
        finished(TaskStatus.COMPLETED, at);
    }

    void failed(TaskError error, Instant at) {
        attemptFailed(error, at);
        finished(TaskStatus.FAILED, at);
    }

    void movedToDlq(Instant at) {
        set(IN_DLQ, true).set(UPDATED_AT, at);
    }

    void cancelled(Instant at) {
        finished(TaskStatus.CANCELLED, at);
    }

    void timedOut(Instant at) {
        finished(TaskStatus.TIMEOUT, at);
    }

    /** A manual retry with an edited input: the task runs on with the new input. */
    void inputEdited(Map<String, Object> input, Instant at) {
        set(INPUT, input).set(UPDATED_AT, at);
    }

    void requeued(Instant at) {
        set(STATUS, TaskStatus.PENDING).set(IN_DLQ, false).set(PROGRESS, 0).set(PROGRESS_MESSAGE, null);
        set(RESULT, null).set(ERROR_TYPE, null).set(ERROR_MESSAGE, null).set(NEXT_RETRY_AT, null);
        set(COMPLETED_AT, null).set(FINISHED_AT, null).set(UPDATED_AT, at);
    }

    void archived(Instant at) {
        set(ARCHIVED, true).set(UPDATED_AT, at);
    }

    private void finished(TaskStatus status, Instant at) {
        set(STATUS, status).set(NEXT_RETRY_AT, null).set(FINISHED_AT, at).set(UPDATED_AT, at);
    }

    /** The columns set outright, with their values. */
    SortedMap<String, Object> values() {
        return values;
    }

    /** The columns set only where the row has no value yet, with their values. */
    SortedMap<String, Object> unlessSet() {
        return unlessSet;
    }

    private ViewRowChange set(String column, Object value) {
        values.put(column, value);
        unlessSet.remove(column);
        return this;
    }

    private ViewRowChange setUnlessSet(String column, Object value) {
        if (!values.containsKey(column)) {
            unlessSet.putIfAbsent(column, value);
        } else if (values.get(column) == null) {
            values.put(column, value);
        }
        return this;
    }
}
