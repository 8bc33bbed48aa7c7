package io.taskforge.api.workers;

import java.util.Map;

/**
 * A line for the task's log.
 *
 * @param level {@code debug}, {@code info} (when absent), {@code warning}, {@code error} or {@code critical}
 */
record LogRequest(Integer fencingToken, String level, String message, Map<String, Object> context) {}
