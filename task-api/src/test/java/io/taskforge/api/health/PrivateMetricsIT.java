package io.taskforge.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskforge.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** With {@code taskforge.metrics.public=false}, {@code /metrics} needs a key like any other read. */
// its own configuration: closed after the class instead of idling until every test has run
@DirtiesContext
@TestPropertySource(properties = "taskforge.metrics.public=false")
class PrivateMetricsIT extends ApiIntegrationTest {

    @Test
    void refuses_metrics_without_a_key() {
        var answer = api(null).get("/metrics");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.text("type")).isEqualTo("unauthorized");
    }

    @Test
    void serves_metrics_to_a_viewer() {
        var answer = api(VIEWER_KEY).get("/metrics");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().asText()).contains("taskforge_tasks{status=\"pending\"}");
    }

    @Test
    void keeps_health_and_readiness_open() {
        assertThat(api(null).get("/health").status()).isEqualTo(200);
        assertThat(api(null).get("/ready").status()).isEqualTo(200);
    }
}
