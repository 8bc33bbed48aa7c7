package io.taskforge.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LiveTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-01T14:00:00Z");
    private static final ApiKeys KEYS = ApiKeys.parse("admin-key:admin,alice-key:operator:alice");
    private static final LiveTokenProperties FIVE_MINUTES = new LiveTokenProperties(Duration.ofMinutes(5));

    @Test
    void aTokenActsAsItsCallerUntilItExpires() {
        LiveToken token = tokensAt(NOW).issue(new Caller(Role.OPERATOR, "alice"));

        assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(tokensAt(NOW.plusSeconds(299)).callerOf(token.token())).contains(new Caller(Role.OPERATOR, "alice"));
        assertThat(tokensAt(NOW.plusSeconds(300)).callerOf(token.token())).isEmpty();
    }

    @Test
    void aTokenWithoutAnOwnerStaysWithoutOne() {
        LiveToken token = tokensAt(NOW).issue(new Caller(Role.VIEWER, null));

        assertThat(tokensAt(NOW).callerOf(token.token())).contains(new Caller(Role.VIEWER, null));
    }

    @Test
    void aChangedTokenIsRefused() {
        String token = tokensAt(NOW).issue(new Caller(Role.VIEWER, null)).token();
        String promoted = token.replace(".viewer.", ".admin.");
        String later =
                Long.parseLong(token.substring(0, token.indexOf('.'))) + 3600 + token.substring(token.indexOf('.'));

        assertThat(tokensAt(NOW).callerOf(promoted)).isEmpty();
        assertThat(tokensAt(NOW).callerOf(later)).isEmpty();
        assertThat(tokensAt(NOW).callerOf("garbage")).isEmpty();
        assertThat(tokensAt(NOW).callerOf("a.b.c.d")).isEmpty();
    }

    @Test
    void aTokenFromOtherKeysIsRefused() {
        String token = tokensAt(NOW).issue(new Caller(Role.ADMIN, null)).token();
        LiveTokens otherKeys =
                new LiveTokens(ApiKeys.parse("other-key:admin"), FIVE_MINUTES, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(otherKeys.callerOf(token)).isEmpty();
    }

    private static LiveTokens tokensAt(Instant instant) {
        return new LiveTokens(KEYS, FIVE_MINUTES, Clock.fixed(instant, ZoneOffset.UTC));
    }
}
