package io.taskforge.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void parses_keys_with_their_roles() {
        ApiKeys keys = ApiKeys.parse("alpha:viewer, beta:OPERATOR,gamma:admin");

        assertThat(keys.roleOf("alpha")).hasValue(Role.VIEWER);
        assertThat(keys.roleOf("beta")).hasValue(Role.OPERATOR);
        assertThat(keys.roleOf("gamma")).hasValue(Role.ADMIN);
        assertThat(keys.roleOf("delta")).isEmpty();
        assertThat(keys.roleOf("alph")).isEmpty();
    }

    @Test
    void treats_an_empty_setting_as_no_keys() {
        assertThat(ApiKeys.parse("").isEmpty()).isTrue();
        assertThat(ApiKeys.parse(" , ").isEmpty()).isTrue();
    }

    @Test
    void refuses_entries_without_a_role_or_with_an_unknown_one() {
        assertThatThrownBy(() -> ApiKeys.parse("lonely")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiKeys.parse("key:superuser"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("viewer, operator or admin");
    }

    @Test
    void generates_distinct_long_keys() {
        String first = ApiKeys.generateKey();

        assertThat(first).startsWith("tf_").hasSize(51);
        assertThat(ApiKeys.generateKey()).isNotEqualTo(first);
    }
}
