package io.taskforge.api.security;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With no API keys configured the engine runs on a key nobody else knows yet; until an operator
 * configures keys it listens on loopback only, unless {@code server.address} says otherwise.
 */
class LoopbackWithoutKeysEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String keys = environment.getProperty("taskforge.api-keys", "");
        if (keys.isBlank() && !environment.containsProperty("server.address")) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("taskforgeLoopback", Map.of("server.address", "127.0.0.1")));
        }
    }
}
