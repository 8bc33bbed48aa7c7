package io.taskforge.api.security;

import java.util.Locale;

/** What a key may do; each role includes the ones below it. */
public enum Role {
    VIEWER,
    OPERATOR,
    ADMIN;

    static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("unknown role '" + text + "'; use viewer, operator or admin", unknown);
        }
    }

    String authority() {
        return "ROLE_" + name();
    }
}
