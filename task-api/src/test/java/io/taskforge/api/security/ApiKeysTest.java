package io.taskforge.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void parses_keys_with_their_roles() {
        ApiKeys keys = ApiKeys.parse("alpha:viewer, beta:OPERATOR,gamma:admin,epsilon:worker");

        assertThat(keys.callerOf("alpha")).hasValue(new Caller(Role.VIEWER, null));
        assertThat(keys.callerOf("beta")).hasValue(new Caller(Role.OPERATOR, null));
        assertThat(keys.callerOf("gamma")).hasValue(new Caller(Role.ADMIN, null));
        assertThat(keys.callerOf("epsilon")).hasValue(new Caller(Role.WORKER, null));
        assertThat(keys.callerOf("delta")).isEmpty();
        assertThat(keys.callerOf("alph")).isEmpty();
    }

    @Test
    void parses_the_owner_a_key_acts_for() {
        ApiKeys keys = ApiKeys.parse("alpha:operator:alice,beta:viewer:admin,with:colon:viewer");

        assertThat(keys.callerOf("alpha")).hasValue(new Caller(Role.OPERATOR, "alice"));
        assertThat(keys.callerOf("beta"))
                .as("an owner named like a role stays an owner")
                .hasValue(new Caller(Role.VIEWER, "admin"));
        assertThat(keys.callerOf("with:colon")).hasValue(new Caller(Role.VIEWER, null));
    }

    @Test
    void limits_keys_with_an_owner_to_its_tasks_unless_they_are_admin_keys() {
        Caller alice = new Caller(Role.OPERATOR, "alice");
        Caller unscoped = new Caller(Role.OPERATOR, null);
        Caller admin = new Caller(Role.ADMIN, "ops");

        assertThat(alice.scope()).hasValue("alice");
        assertThat(alice.ownerOf("mallory")).isEqualTo("alice");
        assertThat(alice.getName()).isEqualTo("alice");
        assertThat(unscoped.scope()).isEmpty();
        assertThat(unscoped.ownerOf("bob")).isEqualTo("bob");
        assertThat(unscoped.getName()).isEqualTo("api-key:operator");
        assertThat(admin.scope()).isEmpty();
        assertThat(admin.ownerOf(null)).isEqualTo("ops");
        assertThat(admin.ownerOf("bob")).isEqualTo("bob");
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
                .hasMessageContaining("viewer, operator, admin or worker");
        assertThatThrownBy(() -> ApiKeys.parse(":viewer")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiKeys.parse("key:viewer: ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generates_distinct_long_keys() {
        String first = ApiKeys.generateKey();

        assertThat(first).startsWith("tf_").hasSize(51);
        assertThat(ApiKeys.generateKey()).isNotEqualTo(first);
    }
}
