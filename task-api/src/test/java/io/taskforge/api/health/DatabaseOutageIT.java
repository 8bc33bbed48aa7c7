package io.taskforge.api.health;

import static io.taskforge.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ApiIntegrationTest;
import io.taskforge.support.TestDatabase;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * While the database gives no connections, the probes and every other request answer 503 in time
 * instead of hanging or failing, and all is well again once it is back.
 */
// its own configuration: closed after the class instead of idling until every test has run; a short
// wait for connections keeps the outage short
@DirtiesContext
@TestPropertySource(
        properties = {
            "spring.datasource.hikari.allow-pool-suspension=true",
            "spring.datasource.hikari.connection-timeout=1000",
            "taskforge.health.database-timeout=500ms"
        })
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

    @Test
    void requests_answer_503_within_seconds_while_the_database_refuses_connections_and_work_once_it_is_back() {
        String database = URI.create(pool().getJdbcUrl().substring("jdbc:".length()))
                .getPath()
                .substring(1);
        onServer("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
        onServer("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
        long started = System.nanoTime();
        Answer list;
        Answer submission;
        try {
            list = operator().get("/api/v1/tasks");
            submission = operator().post("/api/v1/tasks", Map.of("type", "noop"));
        } finally {
            onServer("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertError(list, 503, "database_unavailable");
        assertError(submission, 503, "database_unavailable");
        assertThat(list.raw().headers().firstValue("Retry-After")).hasValue("5");
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        operator().post("/api/v1/tasks", Map.of("type", "noop")).status() == 201);
        assertThat(operator().get("/api/v1/tasks").status()).isEqualTo(200);
    }

    private static void onServer(String sql) {
        try (Connection connection = DriverManager.getConnection(
                        TestDatabase.SERVER_URL + "postgres", TestDatabase.USER, TestDatabase.PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private HikariDataSource pool() {
        return (HikariDataSource) dataSource;
    }
}
