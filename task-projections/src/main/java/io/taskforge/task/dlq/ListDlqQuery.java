package io.taskforge.task.dlq;

/**
 * Ask for dead-lettered tasks, most recent first.
 *
 * @param status null for all
 * @param agent matches the task's provider or type; null for all
 */
public record ListDlqQuery(DlqStatus status, String agent, int limit, int offset) {}
