package io.taskforge.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ApiIntegrationTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** While the database gives no connections, the probes answer 503 in time instead of hanging or failing. */
// its own configuration: closed after the class instead of idling until every test has run
@DirtiesContext
@TestPropertySource(
        properties = {"spring.datasource.hikari.allow-pool-suspension=true", "taskforge.health.database-timeout=500ms"})
class DatabaseOutageIT extends ApiIntegrationTest {

    @Autowired
    DataSource dataSource;

    @AfterEach
    void resumePool() {
        pool().getHikariPoolMXBean().resumePool();
    }

    @Test
    void reports_unhealthy_and_not_ready_while_the_database_is_unreachable() {
        pool().getHikariPoolMXBean().suspendPool();

        Answer health = api(null).get("/health");
        Answer ready = api(null).get("/ready");

        assertThat(health.status()).isEqualTo(503);
        assertThat(health.text("status")).isEqualTo("unhealthy");
        assertThat(health.body().path("database").path("connected").asBoolean()).isFalse();
        assertThat(health.body().path("database").path("latency_ms").isNull()).isTrue();
        assertThat(health.body().path("queue").isNull()).isTrue();
        assertThat(health.body().path("reasons").get(0).asText()).startsWith("database unreachable");
        assertThat(health.body().path("workers").path("total").isInt()).isTrue();
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.body().path("ready").asBoolean()).isFalse();
        assertThat(ready.body().path("database").asBoolean()).isFalse();
    }

    @Test
    void recovers_when_the_database_answers_again() {
        pool().getHikariPoolMXBean().suspendPool();
        assertThat(api(null).get("/health").status()).isEqualTo(503);

        pool().getHikariPoolMXBean().resumePool();

        assertThat(api(null).get("/health").status()).isEqualTo(200);
        assertThat(api(null).get("/ready").status()).isEqualTo(200);
    }

    private HikariDataSource pool() {
        return (HikariDataSource) dataSource;
    }
}
