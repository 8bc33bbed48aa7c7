package io.taskforge.api.security;

import io.taskforge.task.StorableText;
import io.taskforge.task.TaskDefinition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The configured keys, each with its role and, optionally, the owner it acts for. */
final class ApiKeys {

    private static final String FORMAT = "TASKFORGE_API_KEYS entries look like key:role or key:role:owner";

    private final Map<String, Caller> callers;

    private ApiKeys(Map<String, Caller> callers) {
        this.callers = Map.copyOf(callers);
    }

    /**
     * Reads {@code key:role} and {@code key:role:owner} entries, comma-separated. A key may itself hold
     * colons: an entry has an owner when its second-to-last part names a role, so that an owner named
     * like a role can never become one.
     */
    static ApiKeys parse(String spec) {
        Map<String, Caller> callers = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.trim().split(":", -1);
            if (parts.length < 2) {
                throw new IllegalArgumentException(FORMAT);
            }
            boolean hasOwner =
                    parts.length >= 3 && Role.named(parts[parts.length - 2]).isPresent();
            int roleAt = hasOwner ? parts.length - 2 : parts.length - 1;
            String key = String.join(":", Arrays.copyOfRange(parts, 0, roleAt)).trim();
            if (key.isEmpty()) {
                throw new IllegalArgumentException(FORMAT);
            }
            callers.put(key, new Caller(Role.parse(parts[roleAt]), hasOwner ? owner(parts[roleAt + 1]) : null));
        }
        return new ApiKeys(callers);
    }

    static ApiKeys single(String key, Role role) {
        return new ApiKeys(Map.of(key, new Caller(role, null)));
    }

    static String generateKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return "tf_" + HexFormat.of().formatHex(bytes);
    }

    boolean isEmpty() {
        return callers.isEmpty();
    }

    /** Looks a key up in constant time per candidate, so timing does not reveal near misses. */
    Optional<Caller> callerOf(String presented) {
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        Caller found = null;
        for (Map.Entry<String, Caller> entry : callers.entrySet()) {
            if (MessageDigest.isEqual(given, entry.getKey().getBytes(StandardCharsets.UTF_8))) {
                found = entry.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * A digest of every key with its role and owner, under a label: a secret that every node with the
     * same keys derives alike.
     */
    byte[] fingerprint(String label) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(label.getBytes(StandardCharsets.UTF_8));
            callers.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(entry -> digest.update(
                            ("\n" + entry.getKey() + "\n" + entry.getValue()).getBytes(StandardCharsets.UTF_8)));
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String owner(String text) {
        String owner = text.trim();
        if (owner.isEmpty()
                || owner.length() > TaskDefinition.MAX_NAME_CHARS
                || StorableText.problem(owner).isPresent()) {
            throw new IllegalArgumentException("TASKFORGE_API_KEYS owners are 1 to " + TaskDefinition.MAX_NAME_CHARS
                    + " characters of plain text, not '" + owner + "'");
        }
        return owner;
    }
}
