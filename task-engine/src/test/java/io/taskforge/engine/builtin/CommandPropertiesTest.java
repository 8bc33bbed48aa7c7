package io.taskforge.engine.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class CommandPropertiesTest {

    /** The line application.yml carries, so that the documented variable name works. */
    private static final Map<String, Object> APPLICATION_YML =
            Map.of("taskforge.commands.allowlist", "${TASKFORGE_COMMAND_ALLOWLIST:}");

    @Test
    void binds_the_documented_environment_variable_through_application_yml() {
        CommandProperties properties = bind(Map.of("TASKFORGE_COMMAND_ALLOWLIST", "python3, /usr/bin/ffmpeg ,,"));

        assertThat(properties.allowlist()).containsExactly("python3", "/usr/bin/ffmpeg");
        assertThat(properties.allows("python3")).isTrue();
        assertThat(properties.allows("/usr/bin/python3")).isFalse();
    }

    @Test
    void binds_the_relaxed_name_too() {
        assertThat(bind(Map.of("TASKFORGE_COMMANDS_ALLOWLIST", "echo")).allowlist())
                .containsExactly("echo");
    }

    @Test
    void allows_nothing_and_uses_the_defaults_when_unset() {
        CommandProperties properties = bind(Map.of());

        assertThat(properties.allowlist()).isEmpty();
        assertThat(properties.killGrace()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.outputTailLines()).isEqualTo(50);
    }

    @Test
    void refuses_relative_paths() {
        assertThatThrownBy(() -> bind(Map.of("TASKFORGE_COMMAND_ALLOWLIST", "bin/tool")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("'bin/tool' must be a bare program name or an absolute path");
        assertThatThrownBy(() -> new CommandProperties(List.of("./tool"), Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static CommandProperties bind(Map<String, Object> environmentVariables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application.yml", APPLICATION_YML));
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env", environmentVariables));
        return Binder.get(environment).bindOrCreate("taskforge.commands", CommandProperties.class);
    }
}
