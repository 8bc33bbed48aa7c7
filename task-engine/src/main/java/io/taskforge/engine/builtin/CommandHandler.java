package io.taskforge.engine.builtin;

import io.taskforge.handler.PermanentTaskException;
import io.taskforge.handler.RetryableTaskException;
import io.taskforge.handler.TaskContext;
import io.taskforge.handler.TaskHandler;
import io.taskforge.handler.TaskLog;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Runs an allow-listed program with the given arguments, never through a shell.
 *
 * <p>Its output (stderr merged into stdout) goes to the task log line by line. Exit code 0 succeeds; any other fails
 * retryably. Cancellation, interruption and the input's own timeout stop the program and everything it started.
 */
@Component
class CommandHandler implements TaskHandler {

    /** How long output may still arrive after the process ends, from a background process that inherited it. */
    static final Duration OUTPUT_DRAIN = Duration.ofSeconds(1);

    static final int MAX_MESSAGE_LINE_CHARS = 500;

    private final CommandProperties properties;

    CommandHandler(CommandProperties properties) {
        this.properties = properties;
    }

    @Override
    public String type() {
        return "command";
    }

    @Override
    public void validate(Map<String, Object> input) {
        CommandInput.parse(input, properties);
    }

    @Override
    public Map<String, Object> execute(TaskContext context) throws Exception {
        CommandInput command = InputValues.forExecution(() -> CommandInput.parse(context.input(), properties));
        long started = System.nanoTime();
        Process process = start(command);
        OutputPump output = new OutputPump(process.getInputStream(), context.log(), properties.outputTailLines());
        Thread reader = Thread.ofPlatform()
                .daemon()
                .name("command-" + process.pid() + "-output")
                .start(output);
        CompletableFuture<Void> cancelled = new CompletableFuture<>();
        context.onCancel(() -> cancelled.complete(null));
        try {
            awaitExit(process, command, cancelled);
        } finally {
            if (process.isAlive()) {
                ProcessTree.destroy(process, properties.killGrace());
            }
            drain(reader, output, command, context);
        }
        int exitCode = process.exitValue();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        context.log()
                .write(
                        exitCode == 0 ? TaskLog.Level.INFO : TaskLog.Level.WARNING,
                        command.program() + " exited with code " + exitCode + " after " + millis + " ms",
                        Map.of("program", command.program(), "exit_code", exitCode, "duration_ms", millis));
        List<String> tail = output.tail();
        if (exitCode != 0) {
            String lastLine = tail.isEmpty() ? "" : ": " + truncate(tail.getLast());
            throw new RetryableTaskException(
                    "command_failed", command.program() + " exited with code " + exitCode + lastLine);
        }
        return Map.of("exit_code", exitCode, "output_tail", tail);
    }

    private static Process start(CommandInput command) throws PermanentTaskException {
        Process process;
        try {
            process =
                    new ProcessBuilder(command.argv()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new PermanentTaskException(
                    "command_not_found", "cannot start " + command.program() + ": " + e.getMessage());
        }
        try {
            // no input: a program that reads stdin sees its end at once instead of waiting forever
            process.getOutputStream().close();
        } catch (IOException e) {
            // nothing was written, so nothing is lost
        }
        return process;
    }

    /** Returns once the process has exited; throws, leaving it running, on cancellation, timeout or interruption. */
    private static void awaitExit(Process process, CommandInput command, CompletableFuture<Void> cancelled)
            throws Exception {
        CompletableFuture<Object> exitOrCancel = CompletableFuture.anyOf(process.onExit(), cancelled);
        try {
            if (command.timeout() == null) {
                exitOrCancel.get();
            } else {
                exitOrCancel.get(command.timeout().toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            throw new RetryableTaskException(
                    "timeout",
                    command.program() + " was stopped after running longer than its timeout_seconds ("
                            + command.timeout().toSeconds() + ")");
        }
        if (cancelled.isDone()) {
            throw new CancellationException(command.program() + " was stopped: the attempt was cancelled");
        }
    }

    private static void drain(Thread reader, OutputPump output, CommandInput command, TaskContext context) {
        try {
            if (!reader.join(OUTPUT_DRAIN)) {
                context.log()
                        .warning("output of " + command.program()
                                + " is still open after it ended (a background process it started holds it);"
                                + " what follows is not logged");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            output.detach();
        }
    }

    private static String truncate(String line) {
        return line.length() <= MAX_MESSAGE_LINE_CHARS ? line : line.substring(0, MAX_MESSAGE_LINE_CHARS);
    }
}
