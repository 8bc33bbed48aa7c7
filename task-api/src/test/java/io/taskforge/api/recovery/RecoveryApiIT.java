package io.taskforge.api.recovery;

import static io.taskforge.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.support.ApiClient;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ApiIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The recovery strategies table and the fallback chains' API, their refusals and history included. */
class RecoveryApiIT extends ApiIntegrationTest {

    private static final String STRATEGIES = "/api/v1/recovery/strategies/";
    private static final String CHAINS = "/api/v1/recovery/fallback-chain";

    @Test
    void every_error_type_the_classifier_names_has_strategies_best_first() {
        for (String type : List.of(
                "timeout",
                "auth_failure",
                "rate_limit",
                "network_error",
                "validation_error",
                "server_error",
                "http_error",
                "connection_error",
                "io_error",
                "circuit_open",
                "not_found",
                "missing_handler")) {
            Answer answer = viewer().get(STRATEGIES + type);
            assertThat(answer.status()).as(type).isEqualTo(200);
            assertThat(answer.text("error_type")).isEqualTo(type);
            assertThat(answer.text("classification")).isIn("retryable", "permanent", "depends");
            assertThat(answer.body().path("strategies").size()).as(type).isPositive();
            JsonNode first = answer.body().path("strategies").get(0);
            assertThat(first.path("strategy").asText()).isNotBlank();
            assertThat(first.path("description").asText()).isNotBlank();
            assertThat(first.path("when").asText()).isNotBlank();
        }
        Answer timeout = viewer().get(STRATEGIES + "TIMEOUT");
        assertThat(strategies(timeout)).startsWith("retry_with_backoff");
        assertThat(strategies(viewer().get(STRATEGIES + "validation_error"))).startsWith("fix_input_and_retry");

        Answer unknown = viewer().get(STRATEGIES + "cosmic_rays");
        assertError(unknown, 404, "not_found");
        assertThat(unknown.text("detail")).contains("known types:", "auth_failure", "timeout", "validation_error");
        Answer all = viewer().get("/api/v1/recovery/strategies");
        assertThat(all.body().path("count").asInt())
                .isEqualTo(all.body().path("error_types").size())
                .isGreaterThan(10);
        assertError(api(null).get(STRATEGIES + "timeout"), 401, "unauthorized");
    }

    @Test
    void a_chain_is_created_listed_read_replaced_and_deleted_and_its_history_is_its_events() {
        String name = "payments-" + UUID.randomUUID();
        Map<String, Object> body = Map.of(
                "name", name,
                "match",
                        Map.of(
                                "type",
                                "http",
                                "provider",
                                "payments-gateway",
                                "error_types",
                                List.of("network_error", "server_error", "timeout")),
                "steps",
                        List.of(
                                Map.of("strategy", "retry", "max_attempts", 2, "base_delay_ms", 5000),
                                Map.of(
                                        "strategy",
                                        "switch_provider",
                                        "provider",
                                        "payments-backup",
                                        "input",
                                        Map.of("url", "http://127.0.0.1:9001/charge")),
                                Map.of("strategy", "escalate", "severity", "critical")));

        Answer created = admin().post(CHAINS, body);

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.text("chain_id")).isEqualTo(id);
        assertThat(created.text("name")).isEqualTo(name);
        assertThat(created.body().path("version").asInt()).isEqualTo(1);
        assertThat(created.body().path("match").path("error_types").size()).isEqualTo(3);
        assertThat(created.body().path("steps").get(0).path("strategy").asText())
                .isEqualTo("retry");
        assertThat(created.body().path("steps").get(0).path("max_attempts").asInt())
                .isEqualTo(2);
        assertThat(created.body().path("steps").get(1).path("input").path("url").asText())
                .isEqualTo("http://127.0.0.1:9001/charge");
        assertThat(created.body().path("steps").get(2).path("severity").asText())
                .isEqualTo("critical");
        assertThat(created.text("created_by")).isEqualTo("api-key:admin");

        assertThat(viewer().get(CHAINS + "/" + id).body()).isEqualTo(created.body());
        assertThat(StreamSupport.stream(
                                viewer().get(CHAINS).body().path("chains").spliterator(), false)
                        .map(chain -> chain.path("id").asText()))
                .contains(id);

        Map<String, Object> shorter = Map.of(
                "name",
                name,
                "match",
                Map.of("type", "http"),
                "steps",
                List.of(Map.of("strategy", "escalate")),
                "version",
                1);
        Answer replaced = admin().put(CHAINS + "/" + id, shorter);
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.body().path("version").asInt()).isEqualTo(2);
        assertThat(replaced.body().path("steps").size()).isEqualTo(1);
        assertThat(replaced.body().path("match").path("provider").isNull()).isTrue();
        assertError(admin().put(CHAINS + "/" + id, shorter), 409, "version_conflict");

        Answer deleted = admin().delete(CHAINS + "/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().path("version").asInt()).isEqualTo(3);
        assertError(viewer().get(CHAINS + "/" + id), 404, "not_found");
        assertError(admin().delete(CHAINS + "/" + id), 404, "not_found");

        Answer history = viewer().get(CHAINS + "/" + id + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().path("count").asInt()).isEqualTo(3);
        JsonNode events = history.body().path("events");
        assertThat(List.of(
                        events.get(0).path("event").asText(),
                        events.get(1).path("event").asText(),
                        events.get(2).path("event").asText()))
                .containsExactly("fallback_chain_created", "fallback_chain_updated", "fallback_chain_deleted");
        assertThat(events.get(0).path("chain").path("steps").size()).isEqualTo(3);
        assertThat(events.get(1).path("chain").path("steps").size()).isEqualTo(1);
        assertThat(events.get(1).path("changed_by").asText()).isEqualTo("api-key:admin");
        assertThat(events.get(2).path("chain").isNull()).isTrue();
        assertThat(events.get(2).path("version").asInt()).isEqualTo(3);
        assertError(viewer().get(CHAINS + "/" + UUID.randomUUID() + "/history"), 404, "not_found");
        assertError(viewer().get(CHAINS + "/not-an-id"), 404, "not_found");
    }

    @Test
    void invalid_chains_are_refused_with_what_is_wrong() {
        assertInvalid(chain("unknown-step", Map.of("strategy", "pray")), "steps[0].strategy 'pray' is an unknown step");
        assertInvalid(Map.of("name", "empty-" + UUID.randomUUID(), "steps", List.of()), "steps is empty");
        assertInvalid(
                chain("unknown-type", Map.of("strategy", "fallback_type", "type", "teleport")),
                "fallback_type step names the unknown type 'teleport'");
        assertInvalid(
                chain("escalate-first", Map.of("strategy", "escalate"), Map.of("strategy", "retry")),
                "escalate holds the task for a person, so it must be the last step");
        assertInvalid(
                chain("bad-severity", Map.of("strategy", "escalate", "severity", "apocalyptic")),
                "steps[0].severity 'apocalyptic' is unknown");
        assertInvalid(
                chain("misplaced-field", Map.of("strategy", "retry", "provider", "elsewhere")),
                "steps[0].provider does not apply to a retry step");

        String tag = UUID.randomUUID().toString().substring(0, 8);
        Answer first = admin().post(
                        CHAINS,
                        Map.of(
                                "name", "sleep-to-noop-" + tag,
                                "match", Map.of("type", "sleep", "error_types", List.of("loop-" + tag)),
                                "steps", List.of(Map.of("strategy", "fallback_type", "type", "noop"))));
        assertThat(first.status()).isEqualTo(201);
        assertInvalid(
                Map.of(
                        "name", "noop-to-sleep-" + tag,
                        "match", Map.of("type", "noop"),
                        "steps", List.of(Map.of("strategy", "fallback_type", "type", "sleep"))),
                "fallback_type steps would loop between types: ");
        assertInvalid(
                Map.of("name", "sleep-to-noop-" + tag, "steps", List.of(Map.of("strategy", "escalate"))),
                "name 'sleep-to-noop-" + tag + "' is taken");
        assertError(admin().post(CHAINS, Map.of("name", "x", "steps", List.of(), "stepz", 1)), 422, "validation_error");
        admin().delete(CHAINS + "/" + first.text("id"));
    }

    @Test
    void reading_chains_takes_a_key_and_changing_them_takes_an_admin_key() {
        Map<String, Object> body = chain("guarded", Map.of("strategy", "escalate"));
        assertError(api(OPERATOR_KEY).post(CHAINS, body), 403, "forbidden");
        assertError(api(null).post(CHAINS, body), 401, "unauthorized");
        assertError(api(null).get(CHAINS), 401, "unauthorized");
        String id = UUID.randomUUID().toString();
        assertError(api(OPERATOR_KEY).put(CHAINS + "/" + id, body), 403, "forbidden");
        assertError(api(OPERATOR_KEY).delete(CHAINS + "/" + id), 403, "forbidden");
        assertThat(viewer().get(CHAINS).status()).isEqualTo(200);
        assertThat(viewer().get("/api/v1/alerts").status()).isEqualTo(200);
        assertError(viewer().get("/api/v1/alerts?severity=apocalyptic"), 400, "bad_request");
        assertError(api(null).get("/api/v1/alerts"), 401, "unauthorized");
        assertError(api(VIEWER_KEY).post("/api/v1/failed-tasks/retry", Map.of("dry_run", true)), 403, "forbidden");
    }

    private void assertInvalid(Map<String, Object> body, String detail) {
        Answer refused = admin().post(CHAINS, body);
        assertError(refused, 422, "validation_error");
        assertThat(refused.text("detail")).contains(detail);
    }

    private static Map<String, Object> chain(String name, Map<?, ?>... steps) {
        return Map.of("name", name + "-" + UUID.randomUUID(), "steps", List.of(steps));
    }

    private static List<String> strategies(Answer answer) {
        return StreamSupport.stream(answer.body().path("strategies").spliterator(), false)
                .map(strategy -> strategy.path("strategy").asText())
                .toList();
    }

    private ApiClient admin() {
        return api(ADMIN_KEY);
    }

    private ApiClient viewer() {
        return api(VIEWER_KEY);
    }
}
