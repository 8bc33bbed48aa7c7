package io.taskforge.api.security;

import java.time.Instant;

/**
 * A short-lived stand-in for an API key, for clients that cannot send headers (a browser's
 * WebSocket): it carries the key's role and owner, signed, until it expires.
 */
public record LiveToken(String token, Instant expiresAt) {}
