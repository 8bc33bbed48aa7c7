package io.taskforge.execution;

import static io.taskforge.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ExecutionIntegrationTest;
import io.taskforge.support.StubProvider;
import io.taskforge.support.StubProvider.Reply;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * An {@code http} task's credentials stay out of every read, may come from configuration instead of
 * the task, and its calls cannot reach the engine itself or the cloud's metadata service, redirects
 * included. Local providers on other ports stay reachable.
 */
class HttpTaskSafetyIT extends ExecutionIntegrationTest {

    private static final String TASKS = "/api/v1/tasks";

    @AutoClose
    private static final StubProvider PROVIDER = new StubProvider();

    @Test
    void redacts_secret_headers_and_fields_in_the_task_its_list_its_timeline_and_its_log() {
        String path = "/charge-" + UUID.randomUUID();
        PROVIDER.script(path, List.of(Reply.of(200, "{\"charged\": true}")));
        String problem = "secrets-" + UUID.randomUUID();

        String id = submit(Map.of(
                "type",
                "http",
                "problem_id",
                problem,
                "input",
                Map.of(
                        "url",
                        PROVIDER.url(path) + "?page=1&access_token=tok-in-url",
                        "headers",
                        Map.of("Authorization", "Bearer sk_live_task", "X-Trace", "t-1")),
                "metadata",
                Map.of("customer", "c-7", "webhook_secret", "whsec_1")));
        awaitFinished(id);

        JsonNode task = operator().get(TASKS + "/" + id).body();
        assertThat(task.path("input").path("headers").path("Authorization").asText())
                .isEqualTo("[redacted]");
        assertThat(task.path("input").path("headers").path("X-Trace").asText()).isEqualTo("t-1");
        assertThat(task.path("metadata").path("webhook_secret").asText()).isEqualTo("[redacted]");
        assertThat(task.path("metadata").path("customer").asText()).isEqualTo("c-7");
        String reads = operator().get(TASKS + "?problem_id=" + problem).raw().body()
                + operator().get(TASKS + "/" + id + "/timeline").raw().body()
                + operator().get(TASKS + "/" + id + "/logs").raw().body();
        assertThat(reads).contains("[redacted]").doesNotContain("sk_live_task").doesNotContain("whsec_1");
        assertThat(operator().get(TASKS + "/" + id + "/logs").raw().body()).doesNotContain("tok-in-url");
    }

    @Test
    void sends_a_providers_configured_credentials_which_no_event_or_read_holds() {
        String path = "/billing-" + UUID.randomUUID();
        PROVIDER.script(path, List.of(Reply.of(200, "{\"ok\": true}")));

        String id = submit(Map.of("type", "http", "provider", "billing", "input", Map.of("url", PROVIDER.url(path))));
        JsonNode task = awaitFinished(id);

        assertThat(task.path("status").asText()).isEqualTo("completed");
        assertThat(PROVIDER.lastAuthorization(path)).isEqualTo("Bearer from-configuration");
        assertThat(eventsOf(id).toString()).doesNotContain("from-configuration");
        assertThat(operator().get(TASKS + "/" + id + "/timeline").raw().body()).doesNotContain("from-configuration");
    }

    @Test
    void refuses_at_submission_urls_of_the_engine_itself_and_of_the_metadata_service() {
        for (String url : List.of(
                "http://127.0.0.1:" + port + "/actuator/health",
                "http://localhost:" + port + "/api/v1/tasks",
                "http://169.254.169.254/latest/meta-data/iam/")) {
            Answer refused = operator().post(TASKS, Map.of("type", "http", "input", Map.of("url", url)));

            assertError(refused, 422, "validation_error");
            assertThat(refused.text("detail")).startsWith("input.url ");
        }
    }

    @Test
    void refuses_a_redirect_to_the_engine_itself_without_following_it() {
        String path = "/redirect-" + UUID.randomUUID();
        PROVIDER.script(
                path, List.of(new Reply(302, "", Map.of("Location", "http://127.0.0.1:" + port + "/actuator/health"))));

        JsonNode task = awaitFinished(submit(Map.of("type", "http", "input", Map.of("url", PROVIDER.url(path)))));

        assertThat(task.path("status").asText()).isEqualTo("failed");
        assertThat(task.path("error").path("type").asText()).isEqualTo("url_refused");
        assertThat(task.path("error_message").asText()).contains("this engine's own address and port");
    }
}
