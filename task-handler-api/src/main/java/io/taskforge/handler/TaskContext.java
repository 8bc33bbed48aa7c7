package io.taskforge.handler;

import io.taskforge.task.TaskId;
import java.time.Duration;
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

    /**
     * Asks the engine to watch this attempt's liveness, for work that runs long without a
     * percentage, such as a loop: the attempt counts as stalled once {@link #reportAlive} has not
     * been called for {@code stallAfter} (starting now), and is stopped and failed with the error
     * type {@code stalled} (then retried like any failure) once it has been stalled for
     * {@code restartAfter} more.
     */
    void watchLiveness(Duration stallAfter, Duration restartAfter);

    /**
     * Tells the engine the attempt is alive and moving; {@code status} says how far it got, such as
     * {@code "1200 frames rendered"}. Cheap enough to call every iteration: the engine keeps the
     * latest report in memory and writes it to the attempt's queue row with the next heartbeat,
     * never as an event.
     */
    void reportAlive(String status);

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
