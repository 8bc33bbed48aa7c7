package io.taskforge.api.workers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The reference worker of {@code examples/python-worker}, run as a real process of its own. */
final class PythonWorker implements AutoCloseable {

    static final Path SCRIPT = Path.of("..", "examples", "python-worker", "taskforge_worker.py");

    private final String id;
    private final Process process;
    private final Path output;

    private PythonWorker(String id, Process process, Path output) {
        this.id = id;
        this.process = process;
        this.output = output;
    }

    static PythonWorker start(String baseUrl, String key, String id, String problem) {
        try {
            Path output = Files.createTempFile("python-worker-" + id, ".log");
            Process process = new ProcessBuilder(
                            "python3",
                            SCRIPT.toString(),
                            "--url",
                            baseUrl,
                            "--key",
                            key,
                            "--worker-id",
                            id,
                            "--problem",
                            problem,
                            "--wait",
                            "5")
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            return new PythonWorker(id, process, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String id() {
        return id;
    }

    /** What the worker printed so far. */
    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the process at once (SIGKILL): no goodbye heartbeat, no report. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
        Files.deleteIfExists(output);
    }
}
