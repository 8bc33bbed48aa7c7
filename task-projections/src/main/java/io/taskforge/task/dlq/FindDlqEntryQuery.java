package io.taskforge.task.dlq;

import io.taskforge.task.TaskId;

/** Ask for one task's dead letter entry. */
public record FindDlqEntryQuery(TaskId taskId) {}
