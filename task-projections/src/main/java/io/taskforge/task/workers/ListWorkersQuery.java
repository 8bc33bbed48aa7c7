package io.taskforge.task.workers;

/**
 * Registered workers, by id.
 *
 * @param status {@code idle}, {@code busy} or {@code offline}; null for all
 * @param backendType only workers of this backend type; null for all
 */
public record ListWorkersQuery(String status, String backendType) {}
