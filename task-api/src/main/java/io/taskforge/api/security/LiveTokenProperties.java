package io.taskforge.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The short-lived tokens browsers open live connections with.
 *
 * @param ttl how long a token from {@code POST /api/v1/live/token} opens connections
 *     ({@code TASKFORGE_LIVE_TOKEN_TTL}); a connection already open stays open
 */
@ConfigurationProperties("taskforge.live.token")
record LiveTokenProperties(
        @DefaultValue(LiveTokenProperties.DEFAULT_TTL) Duration ttl) {

    static final String DEFAULT_TTL = "5m";
}
