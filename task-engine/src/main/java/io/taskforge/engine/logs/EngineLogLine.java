package io.taskforge.engine.logs;

import java.util.Map;

/**
 * A line the engine writes into a task's log about one of its events.
 *
 * @param attempt the attempt the event concerns; null for events about the whole task
 * @param level {@code info}, {@code warning} or {@code error}, the words the log endpoint filters by
 */
record EngineLogLine(Integer attempt, String level, String message, Map<String, Object> context) {

    static final String INFO = "info";
    static final String WARNING = "warning";
    static final String ERROR = "error";
}
