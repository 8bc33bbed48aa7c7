package io.taskforge.api.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@code /health} and {@code /ready} judge the engine.
 *
 * @param databaseTimeout how long the database check waits for {@code SELECT 1} before it calls the
 *     database unreachable, so that a hung connection pool cannot hang the probe with it
 * @param slowDatabase a {@code SELECT 1} round trip slower than this makes the engine degraded
 */
@ConfigurationProperties("taskforge.health")
record HealthProperties(
        @DefaultValue(DEFAULT_DATABASE_TIMEOUT) Duration databaseTimeout,
        @DefaultValue(DEFAULT_SLOW_DATABASE) Duration slowDatabase) {

    static final String DEFAULT_DATABASE_TIMEOUT = "2s";
    static final String DEFAULT_SLOW_DATABASE = "500ms";
}
