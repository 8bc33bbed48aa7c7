package io.taskforge.engine.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSelectionTest {

    @Test
    void leaves_the_settings_alone_without_a_database_url() {
        assertThat(DatabaseSelection.properties(null)).isEmpty();
        assertThat(DatabaseSelection.properties(" ")).isEmpty();
    }

    @Test
    void turns_a_postgresql_url_into_jdbc_settings() {
        Map<String, Object> properties =
                DatabaseSelection.properties("postgresql://tf:s%40cret@db.internal:6543/tasks?sslmode=require");

        assertThat(properties)
                .containsEntry("spring.datasource.url", "jdbc:postgresql://db.internal:6543/tasks?sslmode=require")
                .containsEntry("spring.datasource.username", "tf")
                .containsEntry("spring.datasource.password", "s@cret");
    }

    @Test
    void defaults_the_port_and_accepts_the_postgres_scheme() {
        Map<String, Object> properties = DatabaseSelection.properties("postgres://app@localhost/tasks");

        assertThat(properties)
                .containsEntry("spring.datasource.url", "jdbc:postgresql://localhost:5432/tasks")
                .containsEntry("spring.datasource.username", "app")
                .containsEntry("spring.datasource.password", "");
    }

    @Test
    void passes_jdbc_urls_through() {
        assertThat(DatabaseSelection.properties("jdbc:postgresql://h:5432/d"))
                .containsExactlyEntriesOf(Map.of("spring.datasource.url", "jdbc:postgresql://h:5432/d"));
    }

    @Test
    void refuses_other_schemes() {
        assertThatThrownBy(() -> DatabaseSelection.properties("mysql://u@h/d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgresql://");
    }
}
