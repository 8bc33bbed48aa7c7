package io.taskforge.engine.builtin;

import io.taskforge.handler.TaskContext;
import io.taskforge.handler.TaskHandler;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One attempt running on its own thread, as the engine runs it, so a test can cancel or interrupt it. */
final class BackgroundAttempt {

    private final FutureTask<Map<String, Object>> attempt;
    private final Thread thread;

    private BackgroundAttempt(TaskHandler handler, TaskContext context) {
        this.attempt = new FutureTask<>(() -> handler.execute(context));
        this.thread =
                Thread.ofPlatform().daemon().name("attempt-" + handler.type()).start(attempt);
    }

    static BackgroundAttempt start(TaskHandler handler, TaskContext context) {
        return new BackgroundAttempt(handler, context);
    }

    void interrupt() {
        thread.interrupt();
    }

    /** What the attempt threw, waiting at most {@code within} for it to end. */
    Throwable failure(Duration within) throws InterruptedException, TimeoutException {
        try {
            Map<String, Object> result = attempt.get(within.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("the attempt succeeded with " + result);
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration);
    }
}
