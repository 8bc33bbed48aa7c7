package io.taskforge.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretValuesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Authorization",
                "proxy-authorization",
                "Cookie",
                "X-API-Key",
                "api_key",
                "db_password",
                "clientSecret",
                "refresh_token",
                "AWS_CREDENTIALS"
            })
    void recognisesNamesThatLookSecret(String name) {
        assertThat(SecretValues.looksSecret(name)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"url", "Content-Type", "order", "author", "X-Request-ID"})
    void leavesOtherNamesAlone(String name) {
        assertThat(SecretValues.looksSecret(name)).isFalse();
    }

    @Test
    void redactsSecretValuesAtAnyDepthAndKeepsCountsAndFlags() {
        Map<String, Object> input = Map.of(
                "url", "https://payments.example/charge",
                "headers", Map.of("Authorization", "Bearer sk_live_1", "Accept", "application/json"),
                "steps", List.of(Map.of("password", "hunter2")),
                "agent_config", Map.of("max_tokens", 1000, "use_token", true));

        Map<String, Object> shown = SecretValues.redacted(input);

        assertThat(shown).containsEntry("url", "https://payments.example/charge");
        assertThat(shown.get("headers"))
                .isEqualTo(Map.of("Authorization", SecretValues.REDACTED, "Accept", "application/json"));
        assertThat(shown.get("steps")).isEqualTo(List.of(Map.of("password", SecretValues.REDACTED)));
        assertThat(shown.get("agent_config")).isEqualTo(Map.of("max_tokens", 1000, "use_token", true));
        assertThat(SecretValues.redacted(null)).isNull();
    }

    @Test
    void redactsAWholeObjectUnderASecretName() {
        assertThat(SecretValues.redacted(Map.of("credentials", Map.of("user", "u", "key", "k"))))
                .containsEntry("credentials", SecretValues.REDACTED);
    }
}
