package io.taskforge.engine.logs;

import java.time.Instant;
import java.util.Map;

/**
 * One line of a task's log.
 *
 * @param level {@code debug}, {@code info}, {@code warning}, {@code error} or {@code critical}
 * @param context what the writer attached to the line; empty when nothing
 * @param attempt the attempt the line is about; null for the engine's lines about the whole task
 */
public record TaskLogLine(
        Instant timestamp, String level, String message, Map<String, Object> context, Integer attempt) {}
