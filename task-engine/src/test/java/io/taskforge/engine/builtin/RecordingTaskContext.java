package io.taskforge.engine.builtin;

import io.taskforge.handler.TaskContext;
import io.taskforge.handler.TaskLog;
import io.taskforge.task.TaskId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A task context for handler tests: records progress and log lines, and can be cancelled like the engine does. */
final class RecordingTaskContext implements TaskContext {

    record Progress(int percent, String message) {}

    record Line(TaskLog.Level level, String message, Map<String, Object> context) {}

    private final TaskId taskId = TaskId.random();
    private final Map<String, Object> input;
    private final List<Progress> progress = new CopyOnWriteArrayList<>();
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();
    private volatile int attempt = 1;
    private volatile Instant deadline = Instant.now().plusSeconds(600);
    private volatile boolean cancelled;
    private volatile String provider;

    RecordingTaskContext(Map<String, Object> input) {
        this.input = input;
    }

    RecordingTaskContext provider(String provider) {
        this.provider = provider;
        return this;
    }

    RecordingTaskContext attempt(int attempt) {
        this.attempt = attempt;
        return this;
    }

    RecordingTaskContext deadline(Instant deadline) {
        this.deadline = deadline;
        return this;
    }

    /** Cancels the attempt the way the engine does: the flag first, then every registered action. */
    synchronized void cancel() {
        cancelled = true;
        cancelActions.forEach(Runnable::run);
    }

    List<Progress> progress() {
        return List.copyOf(progress);
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    List<String> messages() {
        return lines.stream().map(Line::message).toList();
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public TaskId taskId() {
        return taskId;
    }

    @Override
    public int attempt() {
        return attempt;
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
    public Instant deadline() {
        return deadline;
    }

    @Override
    public void reportProgress(int percent, String message) {
        progress.add(new Progress(percent, message));
    }

    @Override
    public void watchLiveness(Duration stallAfter, Duration restartAfter) {
        throw new UnsupportedOperationException("the built-in handlers report progress, not liveness");
    }

    @Override
    public void reportAlive(String status) {
        throw new UnsupportedOperationException("the built-in handlers report progress, not liveness");
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public synchronized void onCancel(Runnable action) {
        if (cancelled) {
            action.run();
        } else {
            cancelActions.add(action);
        }
    }

    @Override
    public TaskLog log() {
        return (level, message, context) -> lines.add(new Line(level, message, context));
    }
}
