package io.taskforge.engine.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ProviderHeadersTest {

    @Test
    void readsEachProvidersHeadersFromItsSettingByItsNameInCapitals() {
        ProviderHeaders headers = configured(Map.of(
                "TASKFORGE_PROVIDERS_PAYMENTS_GATEWAY_HEADERS", "{\"Authorization\": \"Bearer pay\"}",
                "TASKFORGE_PROVIDERS_API_EXAMPLE_COM_443_HEADERS", "{\"X-API-Key\": \"k\"}"));

        assertThat(headers.of("payments-gateway")).containsExactly(Map.entry("Authorization", "Bearer pay"));
        assertThat(headers.of("api.example.com:443")).containsExactly(Map.entry("X-API-Key", "k"));
        assertThat(headers.of("other")).isEmpty();
        assertThat(headers.of(null)).isEmpty();
    }

    @Test
    void refusesASettingThatIsNotAnObjectOfStringsWithoutRepeatingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> configured(Map.of("TASKFORGE_PROVIDERS_X_HEADERS", "Bearer s3cret")))
                .withMessageStartingWith("TASKFORGE_PROVIDERS_X_HEADERS must be a JSON object")
                .withMessageNotContaining("s3cret");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> configured(Map.of("TASKFORGE_PROVIDERS_X_HEADERS", "{\"Bad Name\": \"v\"}")))
                .withMessageContaining("cannot be sent");
    }

    private static ProviderHeaders configured(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        return new ProviderHeaders(environment, new ObjectMapper());
    }
}
