package io.taskforge.handler;

import io.taskforge.task.TaskId;
import java.time.Instant;
import java.util.Map;

/** What a running attempt can see and do. */
public interface TaskContext {

    TaskId taskId();

    /** The attempt's number over the task's whole life, starting at 1. */
    int attempt();

    Map<String, Object> input();

    Map<String, Object> metadata();

    /** The external system the task depends on (for breakers and configured credentials); null when none. */
    String provider();

    /** When the engine times the attempt out. */
    Instant deadline();

    /**
     * Reports progress from 0 to 100 with an optional message. Cheap to call often: the engine
     * records at most about one update a second, and always the last one.
     */
    void reportProgress(int percent, String message);

    /** True once the task was cancelled or the attempt timed out; the handler should stop. */
    boolean isCancelled();

    /**
     * Runs {@code action} when the attempt is cancelled (at once if it already is), to abort what
     * interruption alone does not stop, such as a child process.
     */
    void onCancel(Runnable action);

    /** Lines written here appear in the task's logs. */
    TaskLog log();
}
