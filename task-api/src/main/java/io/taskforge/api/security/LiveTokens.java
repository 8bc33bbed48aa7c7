package io.taskforge.api.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks live tokens. A token is its caller's role, owner and expiry, signed with HMAC-SHA256
 * under a secret derived from the configured API keys: every node with the same keys accepts it, no
 * node stores it, and changing the keys revokes every token.
 */
public final class LiveTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec secret;
    private final LiveTokenProperties properties;
    private final Clock clock;

    LiveTokens(ApiKeys keys, LiveTokenProperties properties, Clock clock) {
        this.secret = new SecretKeySpec(keys.fingerprint("taskforge live token"), ALGORITHM);
        this.properties = properties;
        this.clock = clock;
    }

    /** A token that acts as the caller until it expires. */
    public LiveToken issue(Caller caller) {
        Instant expiresAt = clock.instant().plus(properties.ttl());
        String claims = expiresAt.getEpochSecond() + "." + caller.role().name().toLowerCase(Locale.ROOT) + "."
                + (caller.owner() == null
                        ? ""
                        : ENCODER.encodeToString(caller.owner().getBytes(StandardCharsets.UTF_8)));
        return new LiveToken(claims + "." + ENCODER.encodeToString(sign(claims)), expiresAt);
    }

    /** The caller a token acts for; empty when it is malformed, forged or expired. */
    Optional<Caller> callerOf(String token) {
        int signatureAt = token.lastIndexOf('.');
        if (signatureAt < 0) {
            return Optional.empty();
        }
        String claims = token.substring(0, signatureAt);
        try {
            byte[] signature = DECODER.decode(token.substring(signatureAt + 1));
            if (!MessageDigest.isEqual(signature, sign(claims))) {
                return Optional.empty();
            }
            String[] parts = claims.split("\\.", -1);
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[0]));
            if (parts.length != 3 || !clock.instant().isBefore(expiresAt)) {
                return Optional.empty();
            }
            String owner = parts[2].isEmpty() ? null : new String(DECODER.decode(parts[2]), StandardCharsets.UTF_8);
            return Role.named(parts[1]).map(role -> new Caller(role, owner));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] sign(String claims) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac.doFinal(claims.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
