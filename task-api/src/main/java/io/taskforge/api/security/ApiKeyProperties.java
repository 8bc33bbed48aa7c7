package io.taskforge.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * API keys.
 *
 * @param apiKeys comma-separated {@code key:role} pairs ({@code TASKFORGE_API_KEYS}); when empty a
 *     single admin key is generated at start-up, printed once, and the server binds to loopback
 */
@ConfigurationProperties("taskforge")
record ApiKeyProperties(String apiKeys) {}
