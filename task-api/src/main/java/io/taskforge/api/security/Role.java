package io.taskforge.api.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a key may do: viewer, operator and admin each include the roles before them; worker stands
 * apart (an external worker's key registers, claims and reports, and nothing else), and admin
 * includes it too.
 */
public enum Role {
    VIEWER,
    OPERATOR,
    ADMIN,
    WORKER;

    static Role parse(String text) {
        return named(text)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown role '" + text + "'; use viewer, operator, admin or worker"));
    }

    static Optional<Role> named(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(role -> role.name().equals(name)).findFirst();
    }

    String authority() {
        return "ROLE_" + name();
    }
}
