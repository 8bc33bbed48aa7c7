package io.taskforge.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The configured keys and their roles. */
final class ApiKeys {

    private final Map<String, Role> roles;

    private ApiKeys(Map<String, Role> roles) {
        this.roles = Map.copyOf(roles);
    }

    static ApiKeys parse(String spec) {
        Map<String, Role> roles = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("TASKFORGE_API_KEYS entries look like key:role");
            }
            roles.put(entry.substring(0, colon).trim(), Role.parse(entry.substring(colon + 1)));
        }
        return new ApiKeys(roles);
    }

    static ApiKeys single(String key, Role role) {
        return new ApiKeys(Map.of(key, role));
    }

    static String generateKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return "tf_" + HexFormat.of().formatHex(bytes);
    }

    boolean isEmpty() {
        return roles.isEmpty();
    }

    /** Looks a key up in constant time per candidate, so timing does not reveal near misses. */
    Optional<Role> roleOf(String presented) {
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        Role found = null;
        for (Map.Entry<String, Role> entry : roles.entrySet()) {
            if (MessageDigest.isEqual(given, entry.getKey().getBytes(StandardCharsets.UTF_8))) {
                found = entry.getValue();
            }
        }
        return Optional.ofNullable(found);
    }
}
