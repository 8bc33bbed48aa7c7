package io.taskforge.api.recovery;

import static io.taskforge.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskforge.support.ApiClient;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ExecutionIntegrationTest;
import io.taskforge.support.PrometheusScrape;
import io.taskforge.support.StubProvider;
import io.taskforge.support.StubProvider.Reply;
import io.taskforge.support.StubWebhook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tasks that heal themselves through fallback chains, and those that end in the dead letter queue
 * with an alert delivered to a webhook on loopback; retries with an edited input, bulk redrive, and
 * the metrics moving with each.
 */
class SelfHealingIT extends ExecutionIntegrationTest {

    private static final String TASKS = "/api/v1/tasks";
    private static final String CHAINS = "/api/v1/recovery/fallback-chain";
    private static final String SECRET = "webhook-secret";
    private static final Pattern METRIC_NAME = Pattern.compile("\\b(taskforge|resilience4j)_[a-z_]+\\b");

    @Autowired
    private ApplicationContext context;

    @AutoClose
    private static final StubProvider PROVIDER = new StubProvider();

    /** Refuses each alert's first two POSTs, so every delivery is a redelivery. */
    @AutoClose
    private static final StubWebhook WEBHOOK = new StubWebhook(2);

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add("taskforge.alerts.webhook.url", WEBHOOK::url);
        registry.add("taskforge.alerts.webhook.secret", () -> SECRET);
        registry.add("taskforge.alerts.webhook.backoff", () -> "50ms");
        registry.add("taskforge.alerts.webhook.poll-interval", () -> "100ms");
    }

    @Test
    void a_task_heals_through_its_retries_a_retry_step_and_a_switch_to_the_backup_provider() {
        String primary = "primary-" + UUID.randomUUID();
        String backup = "backup-" + UUID.randomUUID();
        String down = "/down-" + UUID.randomUUID();
        String up = "/up-" + UUID.randomUUID();
        PROVIDER.script(down, List.of(Reply.of(503, "{\"error\": \"unavailable\"}")));
        PROVIDER.script(up, List.of(Reply.of(200, "{\"charged\": true}")));
        String chain = createChain(Map.of(
                "name", "payments-fallback-" + primary,
                "match",
                        Map.of(
                                "type",
                                "http",
                                "provider",
                                primary,
                                "error_types",
                                List.of("network_error", "server_error", "timeout")),
                "steps",
                        List.of(
                                Map.of("strategy", "retry", "max_attempts", 2, "base_delay_ms", 100),
                                Map.of(
                                        "strategy",
                                        "switch_provider",
                                        "provider",
                                        backup,
                                        "input",
                                        Map.of("url", PROVIDER.url(up))),
                                Map.of("strategy", "escalate", "severity", "critical"))));
        PrometheusScrape before = scrape();

        String id = submit(httpTask(primary, PROVIDER.url(down), 2, Map.of()));
        JsonNode task = awaitFinished(id);

        assertThat(task.path("status").asText()).isEqualTo("completed");
        assertThat(task.path("attempts").asInt()).isEqualTo(5);
        assertThat(PROVIDER.calls(down)).isEqualTo(4);
        assertThat(PROVIDER.calls(up)).isEqualTo(1);
        List<JsonNode> steps = await().until(() -> events(id, "fallback_step_applied"), applied -> applied.size() == 2);
        assertThat(steps.get(0).path("data").path("step").path("strategy").asText())
                .isEqualTo("RETRY");
        assertThat(steps.get(1).path("data").path("provider").asText()).isEqualTo(backup);
        assertThat(steps.get(1).path("data").path("input").path("url").asText()).isEqualTo(PROVIDER.url(up));
        assertThat(steps.get(1).path("severity").asText()).isEqualTo("warning");
        JsonNode ledger = await().until(
                        () -> operator().get(TASKS + "/" + id + "/attempts").body(),
                        attempts -> attempts.path("count").asInt() == 5
                                && attempts.path("fallback_steps").size() == 2);
        JsonNode switched = ledger.path("fallback_steps").get(1);
        assertThat(switched.path("chain_id").asText()).isEqualTo(chain);
        assertThat(switched.path("strategy").asText()).isEqualTo("switch_provider");
        assertThat(switched.path("after_attempt").asInt()).isEqualTo(4);
        assertThat(switched.path("next_attempt").asInt()).isEqualTo(5);
        assertThat(switched.path("provider").asText()).isEqualTo(backup);
        assertThat(ledger.path("attempts").get(4).path("outcome").asText()).isEqualTo("succeeded");

        PrometheusScrape after = scrape();
        assertThat(after.sum("taskforge_fallback_steps_total", "strategy=retry")
                        - before.sum("taskforge_fallback_steps_total", "strategy=retry"))
                .isEqualTo(1);
        assertThat(after.sum("taskforge_fallback_steps_total", "strategy=switch_provider")
                        - before.sum("taskforge_fallback_steps_total", "strategy=switch_provider"))
                .isEqualTo(1);
        assertThat(after.sum("taskforge_tasks_started_total", "provider=" + primary))
                .isEqualTo(1);
        assertThat(after.sum("taskforge_tasks_retried_total", "provider=" + primary))
                .isEqualTo(3);
        assertThat(after.sum("taskforge_tasks_completed_total", "provider=" + backup))
                .isEqualTo(1);
        assertThat(after.sum("taskforge_task_duration_seconds_count", "type=http")
                        - before.sum("taskforge_task_duration_seconds_count", "type=http"))
                .isEqualTo(1);
    }

    @Test
    void an_exhausted_chain_ends_in_the_dlq_with_a_critical_alert_redelivered_to_the_webhook() {
        String primary = "gateway-" + UUID.randomUUID();
        String down = "/still-down-" + UUID.randomUUID();
        PROVIDER.script(down, List.of(Reply.of(502, "{\"error\": \"bad gateway\"}")));
        String chainName = "exhausting-" + primary;
        createChain(Map.of(
                "name", chainName,
                "match", Map.of("provider", primary),
                "steps",
                        List.of(
                                Map.of("strategy", "retry", "max_attempts", 1, "base_delay_ms", 50),
                                Map.of(
                                        "strategy",
                                        "switch_provider",
                                        "input",
                                        Map.of("url", PROVIDER.url(down + "/backup"))))));
        PROVIDER.script(down + "/backup", List.of(Reply.of(503, "{}")));
        PrometheusScrape before = scrape();

        String id = submit(httpTask(primary, PROVIDER.url(down), 1, Map.of("amount", 250, "kind", "payment")));
        JsonNode task = awaitFinished(id);

        assertThat(task.path("status").asText()).isEqualTo("failed");
        assertThat(task.path("in_dlq").asBoolean()).isTrue();
        JsonNode entry = await().until(
                        () -> deadLetter(id),
                        found -> found != null && !found.path("fallback").isNull());
        assertThat(entry.path("reason").asText())
                .startsWith("fallback chain " + chainName + " exhausted after 2 steps");
        assertThat(entry.path("fallback").path("name").asText()).isEqualTo(chainName);
        assertThat(values(entry.path("fallback").path("steps_applied"))).containsExactly("retry", "switch_provider");
        assertThat(entry.path("fallback").path("escalated").asBoolean()).isFalse();
        assertThat(entry.path("classification").asText()).isEqualTo("retryable");
        assertThat(entry.path("retry").path("max_attempts").asInt()).isEqualTo(1);
        assertThat(entry.path("attempts").asInt()).isEqualTo(3);
        assertThat(entry.path("error_type").asText()).isEqualTo("http_error");
        assertThat(entry.path("http_status").asInt()).isEqualTo(503);
        assertThat(entry.path("alert_severity").asText()).isEqualTo("critical");
        assertThat(operator()
                        .get(entry.path("attempts_url").asText())
                        .body()
                        .path("count")
                        .asInt())
                .isEqualTo(3);

        JsonNode alert = awaitAlert(
                id,
                alertNode -> alertNode.path("delivery").path("status").asText().equals("delivered"));
        assertThat(alert.path("severity").asText()).isEqualTo("critical");
        assertThat(alert.path("source").asText()).isEqualTo("dead_letter");
        assertThat(alert.path("delivery").path("attempts").asInt()).isEqualTo(3);
        List<StubWebhook.Post> posts = WEBHOOK.postsFor(alert.path("id").asText());
        assertThat(posts).extracting(StubWebhook.Post::answeredWith).containsExactly(500, 500, 204);
        assertThat(posts).allSatisfy(post -> assertThat(post.signature()).isEqualTo(hmac(post.body())));
        assertThat(posts.get(2).body()).contains("\"task_id\":\"" + id + "\"", "\"severity\":\"critical\"");

        PrometheusScrape after = scrape();
        assertThat(after.sum("taskforge_tasks_failed_total", "provider=" + primary, "reason=fallback_exhausted"))
                .isEqualTo(1);
        assertThat(after.sum("taskforge_tasks_dead_lettered_total", "provider=" + primary, "severity=critical"))
                .isEqualTo(1);
        assertThat(after.sum("taskforge_alerts_total", "severity=critical")
                        - before.sum("taskforge_alerts_total", "severity=critical"))
                .isEqualTo(1);

        String alertId = alert.path("id").asText();
        Answer acknowledged = api(OPERATOR_KEY).post("/api/v1/alerts/" + alertId + "/ack", Map.of("note", "refunding"));
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.text("task_id")).isEqualTo(id);
        assertThat(acknowledged.text("acknowledged_by")).isEqualTo("api-key:operator");
        assertError(api(OPERATOR_KEY).post("/api/v1/alerts/" + alertId + "/ack"), 409, "alert_already_acknowledged");
        assertError(api(OPERATOR_KEY).post("/api/v1/alerts/" + UUID.randomUUID() + "/ack"), 404, "not_found");
        assertError(api(VIEWER_KEY).post("/api/v1/alerts/" + alertId + "/ack"), 403, "forbidden");
        JsonNode note = await().until(() -> events(id, "alert_acknowledged"), found -> found.size() == 1)
                .getFirst();
        assertThat(note.path("data").path("note").asText()).isEqualTo("refunding");
        awaitAlert(
                id,
                alertNode -> alertNode.path("acknowledged").asBoolean()
                        && alertNode.path("note").asText().equals("refunding"));
    }

    @Test
    void an_alert_waits_in_the_outbox_while_delivery_is_stopped_and_goes_out_once_it_runs_again() {
        SmartLifecycle delivery = context.getBean("alertDelivery", SmartLifecycle.class);
        String id;
        String alertId;
        delivery.stop();
        try {
            id = submit(Map.of(
                    "type", "fail",
                    "input", Map.of("error_type", "validation_error", "retryable", false),
                    "metadata", Map.of("amount", 100)));
            alertId = awaitAlert(id, alert -> true).path("id").asText();
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .until(
                            () -> awaitAlert(id, alert -> true)
                                    .path("delivery")
                                    .path("status")
                                    .asText(),
                            "pending"::equals);
            assertThat(WEBHOOK.postsFor(alertId)).isEmpty();
        } finally {
            delivery.start();
        }

        JsonNode delivered = awaitAlert(
                id, alert -> alert.path("delivery").path("status").asText().equals("delivered"));
        assertThat(delivered.path("severity").asText()).isEqualTo("critical");
        assertThat(WEBHOOK.postsFor(alertId)).hasSize(3);
    }

    @Test
    void a_fallback_type_step_runs_another_handler_with_the_mapped_input() {
        String kind = "degraded-" + UUID.randomUUID();
        createChain(Map.of(
                "name", "degrade-" + kind,
                "match", Map.of("type", "fail", "error_types", List.of(kind)),
                "steps", List.of(Map.of("strategy", "fallback_type", "type", "sleep", "input", Map.of("millis", 10)))));

        String id = submit(Map.of(
                "type", "fail",
                "input", Map.of("error_type", kind, "retryable", true),
                "retry", Map.of("max_attempts", 1)));
        JsonNode task = awaitFinished(id);

        assertThat(task.path("status").asText()).isEqualTo("completed");
        assertThat(task.path("attempts").asInt()).isEqualTo(2);
        JsonNode step = await().until(() -> events(id, "fallback_step_applied"), found -> found.size() == 1)
                .getFirst();
        assertThat(step.path("data").path("type").asText()).isEqualTo("sleep");
        assertThat(step.path("data").path("input").path("millis").asInt()).isEqualTo(10);
        assertThat(step.path("data").path("input").path("error_type").asText()).isEqualTo(kind);
    }

    @Test
    void an_escalate_step_raises_its_severity_and_holds_the_task_for_a_person() {
        String kind = "escalating-" + UUID.randomUUID();
        createChain(Map.of(
                "name", "escalation-" + kind,
                "match", Map.of("type", "fail", "error_types", List.of(kind)),
                "steps", List.of(Map.of("strategy", "escalate", "severity", "high"))));

        PrometheusScrape before = scrape();
        String id = submit(Map.of(
                "type", "fail",
                "input", Map.of("error_type", kind, "retryable", true),
                "retry", Map.of("max_attempts", 2, "base_delay_ms", 50)));
        JsonNode task = awaitFinished(id);

        assertThat(task.path("status").asText()).isEqualTo("failed");
        PrometheusScrape after = scrape();
        assertThat(after.sum("taskforge_tasks_failed_total", "type=fail", "reason=escalated", "retry_count=1")
                        - before.sum("taskforge_tasks_failed_total", "type=fail", "reason=escalated", "retry_count=1"))
                .isEqualTo(1);
        assertThat(after.sum("taskforge_alerts_total", "source=escalation", "severity=high")
                        - before.sum("taskforge_alerts_total", "source=escalation", "severity=high"))
                .isEqualTo(1);
        JsonNode entry = await().until(
                        () -> deadLetter(id),
                        found -> found != null && !found.path("fallback").isNull());
        assertThat(entry.path("fallback").path("escalated").asBoolean()).isTrue();
        assertThat(entry.path("alert_severity").asText()).isEqualTo("high");
        assertThat(entry.path("reason").asText()).startsWith("escalated by fallback chain escalation-" + kind);
        JsonNode alert = awaitAlert(id, found -> true);
        assertThat(alert.path("source").asText()).isEqualTo("escalation");
        assertThat(alert.path("severity").asText()).isEqualTo("high");
        List<JsonNode> steps = await().until(() -> events(id, "fallback_step_applied"), found -> found.size() == 1);
        assertThat(steps.getFirst().path("data").path("next_attempt").asInt()).isZero();
        assertThat(types(id))
                .containsSubsequence(
                        "attempt_failed",
                        "fallback_step_applied",
                        "task_failed",
                        "moved_to_dlq",
                        "failure_explained",
                        "alert_raised");
    }

    @Test
    void a_dlq_retry_with_an_edited_input_and_a_reason_succeeds() {
        String wrong = "/v1-" + UUID.randomUUID();
        String right = "/v2-" + UUID.randomUUID();
        PROVIDER.script(wrong, List.of(Reply.of(404, "{\"error\": \"gone\"}")));
        PROVIDER.script(right, List.of(Reply.of(200, "{\"ok\": true}")));
        String provider = "edited-" + UUID.randomUUID();
        String id = submit(httpTask(provider, PROVIDER.url(wrong), 3, Map.of()));
        assertThat(awaitFinished(id).path("status").asText()).isEqualTo("failed");
        await().until(() -> deadLetter(id) != null);

        assertError(
                operator().post("/api/v1/failed-tasks/" + id + "/retry", Map.of("input", Map.of("method", "POST"))),
                422,
                "validation_error");
        Answer retried = operator()
                .post(
                        "/api/v1/failed-tasks/" + id + "/retry",
                        Map.of(
                                "input",
                                Map.of("method", "POST", "url", PROVIDER.url(right)),
                                "reason",
                                "the v1 path is gone"));

        assertThat(retried.status()).isEqualTo(200);
        JsonNode healed = awaitFinished(id);
        assertThat(healed.path("status").asText()).isEqualTo("completed");
        assertThat(healed.path("input").path("url").asText()).isEqualTo(PROVIDER.url(right));
        assertThat(PROVIDER.calls(right)).isEqualTo(1);
        PrometheusScrape metrics = scrape();
        assertThat(metrics.sum("taskforge_tasks_failed_total", "provider=" + provider, "reason=permanent_error"))
                .isEqualTo(1);
        assertThat(metrics.sum("taskforge_tasks_started_total", "provider=" + provider))
                .isEqualTo(2);
        assertThat(metrics.sum("taskforge_tasks_completed_total", "provider=" + provider))
                .isEqualTo(1);
        JsonNode requested = await().until(() -> events(id, "retry_requested"), found -> found.size() == 1)
                .getFirst();
        assertThat(requested.path("data").path("requested_by").asText()).isEqualTo("api-key:operator");
        assertThat(requested.path("data").path("reason").asText()).isEqualTo("the v1 path is gone");
        assertThat(requested.path("data").path("input").path("url").asText()).isEqualTo(PROVIDER.url(right));
        assertError(operator().post(TASKS + "/" + id + "/retry", Map.of("reason", "again")), 409, "not_requeueable");
        assertError(operator().post(TASKS + "/" + id + "/retry", Map.of("reasn", "typo")), 422, "validation_error");
    }

    @Test
    void a_bulk_redrive_counts_first_then_requeues_at_its_pace_and_holds_back_an_open_breaker() {
        Instant since = Instant.now();
        String healthy = "healthy-" + UUID.randomUUID();
        String broken = "broken-" + UUID.randomUUID();
        String brokenPath = "/broken-" + UUID.randomUUID();
        PROVIDER.script(brokenPath, List.of(Reply.of(503, "{}")));
        List<String> recoverable = List.of(healthyTask(healthy), healthyTask(healthy));
        // four failures in a row trip the breaker (a window of four in these tests; open for ten minutes)
        String held = submit(httpTask(broken, PROVIDER.url(brokenPath), 4, Map.of()));
        recoverable.forEach(this::awaitFinished);
        assertThat(awaitFinished(held).path("in_dlq").asBoolean()).isTrue();
        Map<String, Object> filter = Map.of("error_type", "http_error", "since", since.toString(), "type", "http");
        await().until(
                        () -> operator()
                                .post("/api/v1/failed-tasks/retry", with(filter, "dry_run", true))
                                .body(),
                        dry -> dry.path("matched").asInt() == 3);

        Answer dryRun = operator().post("/api/v1/failed-tasks/retry", with(filter, "dry_run", true));

        assertThat(dryRun.status()).isEqualTo(200);
        assertThat(dryRun.body().path("dry_run").asBoolean()).isTrue();
        assertThat(dryRun.body().path("matched").asInt()).isEqualTo(3);
        assertThat(dryRun.body().path("would_requeue").asInt()).isEqualTo(2);
        assertThat(dryRun.body().path("requeued").asInt()).isZero();
        assertThat(values(dryRun.body().path("sample"), "task_id")).containsExactlyInAnyOrderElementsOf(recoverable);
        assertThat(values(dryRun.body().path("held_back"), "task_id")).containsExactly(held);
        assertThat(dryRun.body().path("held_back").get(0).path("reason").asText())
                .contains("circuit breaker", broken);
        assertThat(operator()
                        .get(TASKS + "/" + recoverable.getFirst())
                        .body()
                        .path("status")
                        .asText())
                .isEqualTo("failed");
        PrometheusScrape before = scrape();

        long started = System.nanoTime();
        Answer redriven = operator().post("/api/v1/failed-tasks/retry", with(filter, "rate_per_second", 4));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(redriven.status()).isEqualTo(200);
        assertThat(redriven.body().path("requeued").asInt()).isEqualTo(2);
        assertThat(redriven.body().path("rate_per_second").asDouble()).isEqualTo(4.0);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(values(redriven.body().path("requeued_task_ids"))).containsExactlyInAnyOrderElementsOf(recoverable);
        assertThat(values(redriven.body().path("held_back"), "task_id")).containsExactly(held);
        for (String id : recoverable) {
            assertThat(awaitFinished(id).path("status").asText()).isEqualTo("completed");
            assertThat(types(id)).contains("retry_requested", "task_requeued");
        }
        assertThat(deadLetter(held).path("status").asText()).isEqualTo("pending");
        await().untilAsserted(() -> assertThat(scrape().sum("taskforge_tasks_completed_total", "provider=" + healthy)
                        - before.sum("taskforge_tasks_completed_total", "provider=" + healthy))
                .isEqualTo(2));
        assertError(operator().post("/api/v1/failed-tasks/retry", Map.of("limit", 5000)), 422, "validation_error");
        assertError(
                operator()
                        .post(
                                "/api/v1/failed-tasks/retry",
                                Map.of("since", "2026-01-02T00:00:00Z", "until", "2026-01-01T00:00:00Z")),
                422,
                "validation_error");
    }

    @Test
    void the_grafana_dashboard_names_only_metrics_that_both_scrapes_export() throws IOException {
        String provider = "dashboard-" + UUID.randomUUID();
        String down = "/dashboard-" + UUID.randomUUID();
        PROVIDER.script(down, List.of(Reply.of(503, "{}")));
        createChain(Map.of(
                "name", "dashboard-" + provider,
                "match", Map.of("provider", provider),
                "steps", List.of(Map.of("strategy", "retry", "max_attempts", 1, "base_delay_ms", 10))));
        String failed = submit(httpTask(provider, PROVIDER.url(down), 2, Map.of("kind", "payment")));
        awaitFinished(submit(Map.of("type", "noop")));
        awaitAlert(failed, alert -> true);
        JsonNode dashboard = new ObjectMapper()
                .readTree(Path.of("../docker/grafana/taskforge.json").toFile());
        Set<String> named = new TreeSet<>();
        dashboard.findValues("expr").forEach(expr -> {
            Matcher metric = METRIC_NAME.matcher(expr.asText());
            while (metric.find()) {
                named.add(metric.group());
            }
        });

        assertThat(named)
                .contains(
                        "taskforge_tasks_started_total",
                        "taskforge_task_duration_seconds_bucket",
                        "taskforge_tasks_dead_lettered_total",
                        "resilience4j_circuitbreaker_state",
                        "taskforge_projection_lag_events");
        await().untilAsserted(() -> assertThat(scrape().names()).containsAll(named));
        String actuator = api(VIEWER_KEY).get("/actuator/prometheus").body().asText();
        assertThat(new PrometheusScrape(actuator).names()).containsAll(named);
    }

    private String healthyTask(String provider) {
        String path = "/healthy-" + UUID.randomUUID();
        PROVIDER.script(path, List.of(Reply.of(400, "{\"error\": \"not yet\"}"), Reply.of(200, "{}")));
        return submit(httpTask(provider, PROVIDER.url(path), 1, Map.of()));
    }

    private String createChain(Map<String, Object> chain) {
        Answer created = api(ADMIN_KEY).post(CHAINS, chain);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("id");
    }

    private static Map<String, Object> httpTask(
            String provider, String url, int maxAttempts, Map<String, Object> metadata) {
        return Map.of(
                "type",
                "http",
                "provider",
                provider,
                "input",
                Map.of("method", "POST", "url", url, "body", Map.of("order", 1234)),
                "metadata",
                metadata,
                "retry",
                Map.of("max_attempts", maxAttempts, "base_delay_ms", 50));
    }

    private JsonNode deadLetter(String id) {
        JsonNode page = operator().get("/api/v1/failed-tasks?limit=1000").body();
        return StreamSupport.stream(page.path("tasks").spliterator(), false)
                .filter(entry -> entry.path("task_id").asText().equals(id))
                .findFirst()
                .orElse(null);
    }

    private JsonNode awaitAlert(String taskId, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(FINISH)
                .until(
                        () -> StreamSupport.stream(
                                        operator()
                                                .get("/api/v1/alerts?limit=1000")
                                                .body()
                                                .path("alerts")
                                                .spliterator(),
                                        false)
                                .filter(alert -> alert.path("task_id").asText().equals(taskId))
                                .findFirst()
                                .orElse(null),
                        alert -> alert != null && condition.test(alert));
    }

    private List<JsonNode> events(String id, String type) {
        return StreamSupport.stream(
                        operator()
                                .get(TASKS + "/" + id + "/timeline")
                                .body()
                                .path("events")
                                .spliterator(),
                        false)
                .filter(event -> type == null || event.path("type").asText().equals(type))
                .toList();
    }

    private List<String> types(String id) {
        return events(id, null).stream()
                .map(event -> event.path("type").asText())
                .toList();
    }

    private PrometheusScrape scrape() {
        return new PrometheusScrape(new ApiClient("http://127.0.0.1:" + port, null)
                .get("/metrics")
                .body()
                .asText());
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        var all = new java.util.HashMap<>(base);
        all.put(key, value);
        return all;
    }

    private static String hmac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> values(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(node -> node.path(field).asText())
                .toList();
    }

    private static List<String> values(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
