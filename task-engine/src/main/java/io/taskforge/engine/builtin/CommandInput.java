package io.taskforge.engine.builtin;

import io.taskforge.handler.InvalidTaskInputException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The program a {@code command} task runs, read from its input: {@code argv} and an optional {@code timeout_seconds}.
 *
 * <p>There is no {@code env} or {@code working_dir}: variables such as {@code LD_PRELOAD} or {@code PYTHONPATH} would
 * let a task run code the allow-list never named.
 */
record CommandInput(List<String> argv, Duration timeout) {

    static final long MAX_TIMEOUT_SECONDS = Duration.ofDays(1).toSeconds();

    static CommandInput parse(Map<String, Object> input, CommandProperties properties) {
        Map<String, Object> values = InputValues.orEmpty(input);
        InputValues.refuse(values, "env", "it could make an allow-listed program run other code");
        InputValues.refuse(values, "working_dir", "programs run in the engine's working directory");
        List<String> argv = argv(values.get("argv"));
        if (!properties.allows(argv.getFirst())) {
            throw new InvalidTaskInputException(
                    "program '" + argv.getFirst() + "' is not on the command allow-list (TASKFORGE_COMMAND_ALLOWLIST)");
        }
        Long timeoutSeconds = InputValues.optionalWholeNumber(values, "timeout_seconds", 1, MAX_TIMEOUT_SECONDS);
        return new CommandInput(argv, timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds));
    }

    String program() {
        return argv.getFirst();
    }

    private static List<String> argv(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(String.class::isInstance)) {
            throw new InvalidTaskInputException("input.argv must be a non-empty list of strings");
        }
        List<String> argv = list.stream().map(String.class::cast).toList();
        if (argv.getFirst().isBlank()) {
            throw new InvalidTaskInputException("input.argv[0] must name a program");
        }
        for (int i = 0; i < argv.size(); i++) {
            if (argv.get(i).indexOf('\0') >= 0) {
                throw new InvalidTaskInputException("input.argv[" + i + "] must not contain a NUL character");
            }
        }
        return argv;
    }
}
