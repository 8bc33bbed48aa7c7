package io.taskforge.engine.persistence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** Applies {@code DATABASE_URL}, when set, over every other datasource setting. */
class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var properties = DatabaseSelection.properties(environment.getProperty("DATABASE_URL"));
        if (!properties.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("databaseUrl", properties));
        }
    }
}
