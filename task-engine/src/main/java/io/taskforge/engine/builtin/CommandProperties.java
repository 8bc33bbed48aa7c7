package io.taskforge.engine.builtin;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the {@code command} handler may run and how it stops what it runs.
 *
 * @param allowlist programs {@code argv[0]} may name ({@code TASKFORGE_COMMAND_ALLOWLIST}, comma-separated): a bare
 *     name such as {@code python3}, found on the engine's PATH, or an absolute path; either must match exactly
 * @param killGrace how long a process that is being stopped gets to exit before it is killed forcibly
 * @param outputTailLines how many of its last output lines a command's result and failure carry
 */
@ConfigurationProperties("taskforge.commands")
record CommandProperties(
        List<String> allowlist,
        @DefaultValue("5s") Duration killGrace,
        @DefaultValue("50") int outputTailLines) {

    CommandProperties {
        allowlist = allowlist == null
                ? List.of()
                : allowlist.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        for (String program : allowlist) {
            if (program.contains("/") && !program.startsWith("/")) {
                throw new IllegalArgumentException("taskforge.commands.allowlist entry '" + program
                        + "' must be a bare program name or an absolute path");
            }
        }
        Objects.requireNonNull(killGrace, "killGrace");
        if (killGrace.isNegative() || outputTailLines < 0) {
            throw new IllegalArgumentException(
                    "taskforge.commands.kill-grace and output-tail-lines must not be negative");
        }
    }

    boolean allows(String program) {
        return allowlist.contains(program);
    }
}
