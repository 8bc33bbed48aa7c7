package io.taskforge.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What looks like a secret in a task's input, metadata, result or log context, and how a reader sees
 * it: the value of a field named like a credential ({@code Authorization}, {@code Cookie},
 * {@code X-API-Key}, or a name containing {@code password}, {@code secret}, {@code token} ...) reads
 * {@value #REDACTED}, at any depth. Numbers and booleans stay, since a count such as {@code max_tokens}
 * is no secret. The engine itself keeps the real values: a handler still sends them.
 */
public final class SecretValues {

    public static final String REDACTED = "[redacted]";

    private static final Set<String> SECRET_NAMES = Set.of(
            "authorization",
            "proxy-authorization",
            "cookie",
            "set-cookie",
            "x-api-key",
            "api-key",
            "api_key",
            "apikey");
    private static final List<String> SECRET_PARTS =
            List.of("password", "passwd", "secret", "token", "credential", "private_key", "private-key");

    private SecretValues() {}

    public static boolean looksSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRET_NAMES.contains(lower) || SECRET_PARTS.stream().anyMatch(lower::contains);
    }

    /** A copy of {@code values} with every secret-looking field's value redacted; null stays null. */
    public static Map<String, Object> redacted(Map<String, Object> values) {
        if (values == null) {
            return null;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> copy.put(name, redactedField(name, value)));
        return copy;
    }

    private static Object redactedField(String name, Object value) {
        if (looksSecret(name) && !(value == null || value instanceof Number || value instanceof Boolean)) {
            return REDACTED;
        }
        return redactedValue(value);
    }

    @SuppressWarnings("unchecked")
    private static Object redactedValue(Object value) {
        return switch (value) {
            case Map<?, ?> map -> redacted((Map<String, Object>) map);
            case List<?> list -> list.stream().map(SecretValues::redactedValue).toList();
            case null, default -> value;
        };
    }
}
