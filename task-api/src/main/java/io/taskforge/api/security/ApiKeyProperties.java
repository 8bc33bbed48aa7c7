package io.taskforge.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * API keys and what requests without one may do.
 *
 * @param apiKeys comma-separated {@code key:role} or {@code key:role:owner} entries
 *     ({@code TASKFORGE_API_KEYS}); a key with an owner sees and changes only that owner's tasks unless
 *     its role is admin. When empty a single admin key is generated at start-up, printed once, and the
 *     server binds to loopback
 * @param anonymousRole what requests without a key may do ({@code TASKFORGE_ANONYMOUS_ROLE}, {@code
 *     none} or {@code viewer}); when unset, {@code viewer} while no keys are configured and {@code
 *     none} once they are
 */
@ConfigurationProperties("taskforge")
record ApiKeyProperties(String apiKeys, AnonymousRole anonymousRole) {

    boolean keysConfigured() {
        return apiKeys != null && !apiKeys.isBlank();
    }

    AnonymousRole effectiveAnonymousRole() {
        if (anonymousRole != null) {
            return anonymousRole;
        }
        return keysConfigured() ? AnonymousRole.NONE : AnonymousRole.VIEWER;
    }
}
