package io.taskforge.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** One engine JVM started from the Boot jar, with its own port and log file. */
final class EngineProcess implements AutoCloseable {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(180);
    private static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(60);

    private final String label;
    private final Process process;
    private final TaskforgeClient client;
    private final boolean executing;

    EngineProcess(String label, Process process, TaskforgeClient client, boolean executing) {
        this.label = label;
        this.process = process;
        this.client = client;
        this.executing = executing;
    }

    String label() {
        return label;
    }

    long pid() {
        return process.pid();
    }

    TaskforgeClient client() {
        return client;
    }

    boolean executing() {
        return executing;
    }

    /** Waits until {@code /ready} answers 200; answers how long that took. */
    Duration awaitReady() throws InterruptedException {
        long started = System.nanoTime();
        while (!client.ready()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("engine " + label + " exited with " + process.exitValue()
                        + " before it was ready; see its log");
            }
            if (System.nanoTime() - started > STARTUP_LIMIT.toNanos()) {
                throw new IllegalStateException("engine " + label + " not ready after " + STARTUP_LIMIT);
            }
            Thread.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** SIGTERM, as an orchestrator stops it, then waits for the JVM to end. */
    void stop() throws InterruptedException {
        client.close();
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(SHUTDOWN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            Log.line(label, "did not stop within %d s of SIGTERM: killed", SHUTDOWN_LIMIT.toSeconds());
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static IOException cannotStart(String label, IOException cause) {
        return new IOException("cannot start engine " + label + ": " + cause.getMessage(), cause);
    }
}
