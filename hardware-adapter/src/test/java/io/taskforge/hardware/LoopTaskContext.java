package io.taskforge.hardware;

import io.taskforge.handler.TaskContext;
import io.taskforge.handler.TaskLog;
import io.taskforge.task.TaskId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The engine's side of a loop attempt, as the loop sees it through the handler SPI: records the
 * liveness it reports and the lines it logs, and is cancelled by the test, as the engine would.
 */
final class LoopTaskContext implements TaskContext {

    private final TaskId taskId = TaskId.random();
    private final Map<String, Object> input;
    private final List<String> alive = new CopyOnWriteArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private volatile Duration stallAfter;
    private volatile int cancelAfterReports = Integer.MAX_VALUE;
    private volatile boolean cancelled;

    LoopTaskContext(Map<String, Object> input) {
        this.input = input;
    }

    /** Cancels the attempt once the loop has reported liveness this often. */
    LoopTaskContext cancelAfter(int reports) {
        this.cancelAfterReports = reports;
        return this;
    }

    List<String> alive() {
        return List.copyOf(alive);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    Duration stallAfter() {
        return stallAfter;
    }

    @Override
    public TaskId taskId() {
        return taskId;
    }

    @Override
    public int attempt() {
        return 1;
    }

    @Override
    public Map<String, Object> input() {
        return input;
    }

    @Override
    public Map<String, Object> metadata() {
        return Map.of();
    }

    @Override
    public String provider() {
        return null;
    }

    @Override
    public Instant deadline() {
        return Instant.MAX;
    }

    @Override
    public void reportProgress(int percent, String message) {
        throw new UnsupportedOperationException("loops report liveness, not progress");
    }

    @Override
    public void watchLiveness(Duration stallAfter, Duration restartAfter) {
        this.stallAfter = stallAfter;
    }

    @Override
    public void reportAlive(String status) {
        alive.add(status);
        if (alive.size() >= cancelAfterReports) {
            cancelled = true;
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void onCancel(Runnable action) {
        throw new UnsupportedOperationException("loops poll isCancelled between iterations");
    }

    @Override
    public TaskLog log() {
        return (level, message, context) -> lines.add(level + " " + message);
    }
}
