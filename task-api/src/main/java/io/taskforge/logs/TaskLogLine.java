package io.taskforge.logs;

import java.time.Instant;
import java.util.Map;

/**
 * One line of a task's log.
 *
 * @param level {@code debug}, {@code info}, {@code warning}, {@code error} or {@code critical}
 * @param context what the writer attached to the line; empty when nothing
 * @param attempt the attempt that wrote the line
 */
record TaskLogLine(Instant timestamp, String level, String message, Map<String, Object> context, int attempt) {}
