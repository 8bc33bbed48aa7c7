package io.taskforge.api.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a key may do; each role includes the ones below it. */
public enum Role {
    VIEWER,
    OPERATOR,
    ADMIN;

    static Role parse(String text) {
        return named(text)
                .orElseThrow(() ->
                        new IllegalArgumentException("unknown role '" + text + "'; use viewer, operator or admin"));
    }

    static Optional<Role> named(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(role -> role.name().equals(name)).findFirst();
    }

    String authority() {
        return "ROLE_" + name();
    }
}
