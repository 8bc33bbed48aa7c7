package io.taskforge.handler;

import java.util.Map;

/** A task's own log: each line is kept with its level, time and context, and served with the task. */
public interface TaskLog {

    /** Severity of a line, in the words clients filter by. */
    enum Level {
        DEBUG,
        INFO,
        WARNING,
        ERROR,
        CRITICAL
    }

    void write(Level level, String message, Map<String, Object> context);

    default void info(String message) {
        write(Level.INFO, message, Map.of());
    }

    default void warning(String message) {
        write(Level.WARNING, message, Map.of());
    }

    default void error(String message) {
        write(Level.ERROR, message, Map.of());
    }
}
