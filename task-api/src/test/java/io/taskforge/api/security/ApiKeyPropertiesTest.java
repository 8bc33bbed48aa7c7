package io.taskforge.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApiKeyPropertiesTest {

    @ParameterizedTest(name = "keys {0}, anonymous role {1}: {2}")
    @MethodSource("settings")
    void lets_requests_without_a_key_read_by_default_only_while_no_keys_are_configured(
            String apiKeys, AnonymousRole configured, AnonymousRole effective) {
        assertThat(new ApiKeyProperties(apiKeys, configured).effectiveAnonymousRole())
                .isEqualTo(effective);
    }

    static Stream<Arguments> settings() {
        return Stream.of(
                Arguments.of(null, null, AnonymousRole.VIEWER),
                Arguments.of("", null, AnonymousRole.VIEWER),
                Arguments.of("  ", null, AnonymousRole.VIEWER),
                Arguments.of("ops:admin", null, AnonymousRole.NONE),
                Arguments.of("ops:admin", AnonymousRole.VIEWER, AnonymousRole.VIEWER),
                Arguments.of(null, AnonymousRole.NONE, AnonymousRole.NONE),
                Arguments.of("ops:admin", AnonymousRole.NONE, AnonymousRole.NONE));
    }
}
