package io.taskforge.engine.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.taskforge.handler.InvalidTaskInputException;
import io.taskforge.handler.PermanentTaskException;
import io.taskforge.handler.RetryableTaskException;
import io.taskforge.handler.TaskLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandHandlerTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(1);
    private static final List<String> ALLOWED =
            List.of("echo", "true", "false", "sleep", "ls", "seq", "cat", "/usr/bin/echo", "/nonexistent/program");

    private final CommandHandler handler = handler(ALLOWED, Duration.ofSeconds(5), 50);

    @Test
    void succeeds_with_the_output_tail_and_logs_every_line() throws Exception {
        RecordingTaskContext context = new RecordingTaskContext(argv("echo", "hello world"));

        Map<String, Object> result = handler.execute(context);

        assertThat(result).isEqualTo(Map.of("exit_code", 0, "output_tail", List.of("hello world")));
        assertThat(context.lines().getFirst())
                .isEqualTo(new RecordingTaskContext.Line(TaskLog.Level.INFO, "hello world", Map.of()));
        assertThat(context.messages().getLast()).startsWith("echo exited with code 0 after ");
    }

    @Test
    void passes_arguments_verbatim_without_a_shell() throws Exception {
        Map<String, Object> result = handler.execute(new RecordingTaskContext(argv("echo", "$HOME", "*", "a;b")));

        assertThat(result.get("output_tail")).isEqualTo(List.of("$HOME * a;b"));
    }

    @Test
    void keeps_only_the_last_lines_in_the_result() throws Exception {
        RecordingTaskContext context = new RecordingTaskContext(argv("seq", "1", "100"));

        Map<String, Object> result = handler(ALLOWED, Duration.ofSeconds(5), 5).execute(context);

        assertThat(result.get("output_tail")).isEqualTo(List.of("96", "97", "98", "99", "100"));
        assertThat(context.messages()).hasSize(101).startsWith("1", "2", "3");
    }

    @Test
    void cuts_overlong_lines() throws Exception {
        Map<String, Object> result = handler.execute(new RecordingTaskContext(argv("seq", "-s", "x", "1", "20000")));

        assertThat((List<?>) result.get("output_tail"))
                .singleElement()
                .asString()
                .hasSize(OutputPump.MAX_LINE_CHARS + " [line truncated]".length())
                .startsWith("1x2x3x")
                .endsWith(" [line truncated]");
    }

    @Test
    void gives_the_program_no_input() throws Exception {
        assertThat(handler.execute(new RecordingTaskContext(argv("cat")))).containsEntry("exit_code", 0);
    }

    @Test
    void runs_an_allow_listed_absolute_path() throws Exception {
        assertThat(handler.execute(new RecordingTaskContext(argv("/usr/bin/echo", "hi"))))
                .containsEntry("output_tail", List.of("hi"));
    }

    @Test
    void fails_retryably_on_a_non_zero_exit_with_the_last_line_of_merged_stderr() {
        RetryableTaskException failure = catchThrowableOfType(
                RetryableTaskException.class,
                () -> handler.execute(new RecordingTaskContext(argv("ls", "/nonexistent"))));

        assertThat(failure.error().type()).isEqualTo("command_failed");
        assertThat(failure.error().message())
                .startsWith("ls exited with code 2: ")
                .contains("/nonexistent");
    }

    @Test
    void names_only_the_exit_code_when_there_was_no_output() {
        RetryableTaskException failure = catchThrowableOfType(
                RetryableTaskException.class, () -> handler.execute(new RecordingTaskContext(argv("false"))));

        assertThat(failure.error().message()).isEqualTo("false exited with code 1");
    }

    @Test
    void fails_permanently_when_the_program_does_not_exist() {
        PermanentTaskException failure = catchThrowableOfType(
                PermanentTaskException.class,
                () -> handler.execute(new RecordingTaskContext(argv("/nonexistent/program"))));

        assertThat(failure.error().type()).isEqualTo("command_not_found");
        assertThat(failure.error().message()).startsWith("cannot start /nonexistent/program: ");
    }

    @Test
    void fails_permanently_when_the_allow_list_changed_since_submission() {
        CommandHandler stricter = handler(List.of("true"), Duration.ofSeconds(5), 50);

        PermanentTaskException failure = catchThrowableOfType(
                PermanentTaskException.class, () -> stricter.execute(new RecordingTaskContext(argv("echo", "x"))));

        assertThat(failure.error().type()).isEqualTo("validation_error");
    }

    @Test
    void kills_the_process_promptly_when_cancelled() throws Exception {
        RecordingTaskContext context = new RecordingTaskContext(argv("sleep", "30.1"));
        BackgroundAttempt attempt = BackgroundAttempt.start(handler, context);
        List<ProcessHandle> running = awaitRunning("30.1", 1);

        context.cancel();

        assertThat(attempt.failure(PROMPTLY)).isInstanceOf(CancellationException.class);
        assertGone(running);
    }

    @Test
    void kills_the_process_promptly_when_its_thread_is_interrupted() throws Exception {
        BackgroundAttempt attempt = BackgroundAttempt.start(handler, new RecordingTaskContext(argv("sleep", "30.2")));
        List<ProcessHandle> running = awaitRunning("30.2", 1);

        attempt.interrupt();

        assertThat(attempt.failure(PROMPTLY)).isInstanceOf(InterruptedException.class);
        assertGone(running);
    }

    @Test
    void kills_the_process_after_its_own_timeout() throws Exception {
        RecordingTaskContext context =
                new RecordingTaskContext(Map.of("argv", List.of("sleep", "30.3"), "timeout_seconds", 1));
        BackgroundAttempt attempt = BackgroundAttempt.start(handler, context);
        List<ProcessHandle> running = awaitRunning("30.3", 1);

        Throwable failure = attempt.failure(Duration.ofSeconds(3));

        assertThat(failure).isInstanceOf(RetryableTaskException.class);
        assertThat(((RetryableTaskException) failure).error().type()).isEqualTo("timeout");
        assertGone(running);
    }

    @Test
    void kills_the_whole_tree_forcibly_when_it_ignores_the_request_to_stop() throws Exception {
        // sh only to build a tree that ignores SIGTERM: the trap is inherited by its sleep
        CommandHandler withShell = handler(List.of("sh"), Duration.ofMillis(300), 50);
        RecordingTaskContext context =
                new RecordingTaskContext(argv("sh", "-c", "trap '' TERM; sleep 30.4; echo never"));
        BackgroundAttempt attempt = BackgroundAttempt.start(withShell, context);
        List<ProcessHandle> running = awaitRunning("30.4", 2);
        long started = System.nanoTime();

        context.cancel();

        assertThat(attempt.failure(Duration.ofSeconds(2))).isInstanceOf(CancellationException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(running).hasSize(2);
        assertGone(running);
        assertThat(context.messages()).doesNotContain("never");
    }

    @AfterEach
    void killWhatAFailedTestLeftBehind() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                Arguments.of(Map.of(), "input.argv must be a non-empty list of strings"),
                Arguments.of(Map.of("argv", List.of()), "input.argv must be a non-empty list of strings"),
                Arguments.of(Map.of("argv", "echo hi"), "input.argv must be a non-empty list of strings"),
                Arguments.of(Map.of("argv", List.of("echo", 1)), "input.argv must be a non-empty list of strings"),
                Arguments.of(Map.of("argv", List.of(" ")), "input.argv[0] must name a program"),
                Arguments.of(Map.of("argv", List.of("echo", "a\0b")), "input.argv[1] must not contain a NUL character"),
                Arguments.of(
                        argv("rm", "-rf", "/"),
                        "program 'rm' is not on the command allow-list (TASKFORGE_COMMAND_ALLOWLIST)"),
                Arguments.of(argv("/usr/bin/true"), "program '/usr/bin/true' is not on the command allow-list"),
                Arguments.of(argv("./echo"), "program './echo' is not on the command allow-list"),
                Arguments.of(argv("/usr/bin/../bin/echo"), "is not on the command allow-list"),
                Arguments.of(
                        Map.of("argv", List.of("echo"), "timeout_seconds", 0),
                        "input.timeout_seconds must be a whole number from 1 to 86400"),
                Arguments.of(
                        Map.of("argv", List.of("echo"), "env", Map.of("LD_PRELOAD", "x.so")),
                        "input.env is not supported"),
                Arguments.of(
                        Map.of("argv", List.of("echo"), "working_dir", "/tmp"), "input.working_dir is not supported"));
    }

    @ParameterizedTest
    @MethodSource("invalidInputs")
    void refuses_invalid_input(Map<String, Object> input, String message) {
        assertThatThrownBy(() -> handler.validate(input))
                .isInstanceOf(InvalidTaskInputException.class)
                .hasMessageContaining(message);
    }

    @Test
    void refuses_every_program_when_nothing_is_allow_listed() {
        CommandHandler locked = handler(null, Duration.ofSeconds(5), 50);

        assertThatThrownBy(() -> locked.validate(argv("echo")))
                .isInstanceOf(InvalidTaskInputException.class)
                .hasMessage("program 'echo' is not on the command allow-list (TASKFORGE_COMMAND_ALLOWLIST)");
    }

    @Test
    void accepts_the_documented_shape() {
        assertThatCode(() -> handler.validate(Map.of("argv", List.of("echo", "--videos", "x"), "timeout_seconds", 60)))
                .doesNotThrowAnyException();
    }

    private static CommandHandler handler(List<String> allowlist, Duration killGrace, int tailLines) {
        return new CommandHandler(new CommandProperties(allowlist, killGrace, tailLines));
    }

    private static Map<String, Object> argv(String... argv) {
        return Map.of("argv", Arrays.asList(argv));
    }

    /** The processes under this JVM whose command line contains {@code marker}, once {@code count} have started. */
    private static List<ProcessHandle> awaitRunning(String marker, int count) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<ProcessHandle> running = ProcessHandle.current()
                    .descendants()
                    .filter(process -> process.info().commandLine().orElse("").contains(marker))
                    .toList();
            if (running.size() >= count) {
                return running;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("never saw " + count + " processes with '" + marker + "' running");
    }

    /** Gone: no longer under this JVM and running nothing (a zombie is left to init, which reaps orphans). */
    private static void assertGone(List<ProcessHandle> processes) {
        assertThat(ProcessHandle.current().descendants()).doesNotContainAnyElementsOf(processes);
        assertThat(processes).noneMatch(CommandHandlerTest::running);
    }

    /** Alive and not a zombie, read from /proc independently of the handler's own check. */
    private static boolean running(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return process.isAlive() && stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
