package io.taskforge.task;

/** Whether trying again could help. */
public enum ErrorClassification {
    RETRYABLE,
    PERMANENT
}
