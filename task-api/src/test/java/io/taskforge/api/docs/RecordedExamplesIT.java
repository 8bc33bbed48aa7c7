package io.taskforge.api.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskforge.support.ApiClient;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ExecutionIntegrationTest;
import io.taskforge.support.LiveStream;
import io.taskforge.support.LiveStream.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Drives an engine through a realistic morning (a render that completes, a payment that fails for
 * good, work running and waiting, a cancel, retries) and holds each answer against the example the
 * OpenAPI document shows for that operation: same status, same fields. With
 * {@code TASKFORGE_RECORD_EXAMPLES=true} it writes the answers as the new examples instead.
 */
// running tasks must not turn into stalls while they are recorded; the setting also gives this
// class an engine and database of its own, so no other test's tasks show up in the lists
// the hardware adapter runs the demo panel of application.yml on the mock platform
@TestPropertySource(
        properties = {
            "taskforge.execution.no-progress-stall-after=1h",
            "taskforge.hardware.enabled=true",
            "taskforge.hardware.platform=mock"
        })
// closed after the class, so that the demo panel's loops stop rather than run on beside the rest of the suite
@DirtiesContext
class RecordedExamplesIT extends ExecutionIntegrationTest {

    private static final Path EXAMPLES = Path.of("src/main/resources", RecordedExamples.LOCATION);
    private static final boolean RECORDING = "true".equals(System.getenv("TASKFORGE_RECORD_EXAMPLES"));
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String METRICS_PREFIX = "taskforge_";

    private final Map<String, Answer> answers = new TreeMap<>();

    /** The first messages of event streams, as they came over the wire. */
    private final Map<String, String> streams = new TreeMap<>();

    @Test
    void every_example_matches_what_its_endpoint_answers() throws IOException {
        recordAnswers();

        if (RECORDING) {
            write();
            return;
        }
        JsonNode stored = JSON.readTree(EXAMPLES.toFile());
        Set<String> recorded = new TreeSet<>(answers.keySet());
        recorded.addAll(streams.keySet());
        assertThat(names(stored)).as("operations with an example").isEqualTo(recorded);
        streams.forEach((key, live) -> assertThat(ResponseShape.differences(
                        lastData(stored.path(key).path("body").asText()), lastData(live)))
                .as(key)
                .isEmpty());
        answers.forEach((key, live) -> {
            JsonNode example = stored.path(key).path("body");
            if (example.isTextual()) {
                assertThat(metricFamilies(live.raw().body())).as(key).containsAll(metricFamilies(example.asText()));
            } else {
                assertThat(ResponseShape.differences(example, live.body()))
                        .as(key)
                        .isEmpty();
            }
        });
    }

    @Test
    void the_document_shows_an_example_of_success_for_every_operation() {
        assumeFalse(RECORDING, "the engine loaded the examples before this run recorded new ones");
        JsonNode paths = api(null).get("/v3/api-docs").body().path("paths");
        List<String> without = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode responses = operation.getValue().path("responses");
            boolean shown = names(responses).stream()
                    .filter(status -> status.startsWith("2"))
                    .anyMatch(status -> responses.path(status).path("content").findValue("example") != null);
            if (!shown) {
                without.add(operation.getKey().toUpperCase() + " " + path.getKey());
            }
        }));

        assertThat(without).isEmpty();
        assertThat(paths.path("/api/v1/tasks/{taskId}")
                        .path("get")
                        .path("responses")
                        .path("404")
                        .findValue("example")
                        .has("request_id"))
                .isTrue();
    }

    private void recordAnswers() {
        record("GET /health 200", viewer().get("/health"));
        record("GET /ready 200", viewer().get("/ready"));
        record("GET /api/v1/system/health 200", viewer().get("/api/v1/system/health"));

        Map<String, Object> render = Map.of(
                "type", "sleep",
                "category", "RENDER",
                "description", "Render the intro frames",
                "input", Map.of("millis", 300, "steps", 3),
                "metadata", Map.of("project", "launch-video"),
                "provider", "render-farm",
                "idempotency_key", "render-intro-2026-11-22");
        String rendered = record("POST /api/v1/tasks 201", operator().post("/api/v1/tasks", render))
                .text("id");
        record("POST /api/v1/tasks 200", operator().post("/api/v1/tasks", render));
        record(
                "POST /api/v1/tasks/batch 201",
                operator()
                        .post(
                                "/api/v1/tasks/batch",
                                Map.of(
                                        "tasks",
                                        List.of(
                                                Map.of("type", "noop", "description", "Warm the thumbnail cache"),
                                                Map.of(
                                                        "type",
                                                        "noop",
                                                        "description",
                                                        "Warm the preview cache",
                                                        "idempotency_key",
                                                        "warm-previews-2026-11-22")))));
        awaitStatus(rendered, "completed");
        awaitStatus(submit(Map.of("problem_id", "two-sum", "parameters", Map.of("max_steps", 10))), "completed");

        record("GET /api/v1/recovery/strategies 200", viewer().get("/api/v1/recovery/strategies"));
        record("GET /api/v1/recovery/strategies/{errorType} 200", viewer().get("/api/v1/recovery/strategies/timeout"));
        record(
                "GET /api/v1/recovery/strategies/{errorType} 404",
                viewer().get("/api/v1/recovery/strategies/cosmic_rays"));
        String chain = record(
                        "POST /api/v1/recovery/fallback-chain 201",
                        admin().post("/api/v1/recovery/fallback-chain", declinedCardsChain(List.of("card_declined"))))
                .text("id");
        record(
                "POST /api/v1/recovery/fallback-chain 422",
                admin().post(
                                "/api/v1/recovery/fallback-chain",
                                Map.of("name", "nowhere", "steps", List.of(Map.of("strategy", "teleport")))));
        String declined = submit(declinedPayment("order-1041"));
        String declinedAgain = submit(declinedPayment("order-1042"));
        awaitStatus(declined, "failed");
        awaitStatus(declinedAgain, "failed");
        String running = submit(Map.of(
                "type", "sleep",
                "category", "BACKGROUND",
                "description", "Rebuild the search index",
                "input", Map.of("millis", 60_000, "steps", 60)));
        String toCancel = submit(Map.of("type", "sleep", "input", Map.of("millis", 60_000)));
        awaitStatus(running, "running");
        awaitStatus(toCancel, "running");
        String waiting = submit(Map.of(
                "type", "parked",
                "category", "HARDWARE",
                "description", "Calibrate camera 2",
                "input", Map.of("headers", Map.of("Authorization", "Bearer shown-as-redacted")),
                "metadata", Map.of("camera", 2, "api_token", "shown-as-redacted")));
        String toDelete = submit(Map.of("type", "parked", "description", "Superseded calibration"));
        // the list follows the submissions a moment later, once the task view (two segments) has both
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> viewer().get("/api/v1/tasks?limit=20").body().findValuesAsText("id"),
                        ids -> ids.containsAll(List.of(waiting, toDelete)));

        record("GET /api/v1/tasks 200", viewer().get("/api/v1/tasks?limit=20"));
        record("GET /api/v1/tasks/{taskId} 200", viewer().get("/api/v1/tasks/" + rendered));
        record("GET /api/v1/tasks/{taskId} 404", viewer().get("/api/v1/tasks/" + UUID.randomUUID()));
        record("GET /tasks/{taskId} 200", viewer().get("/tasks/" + running));
        record("GET /api/v1/tasks/{taskId}/timeline 200", viewer().get("/api/v1/tasks/" + declined + "/timeline"));
        record("GET /api/v1/tasks/{taskId}/attempts 200", viewer().get("/api/v1/tasks/" + declined + "/attempts"));
        record("GET /api/v1/tasks/{taskId}/logs 200", viewer().get("/api/v1/tasks/" + rendered + "/logs"));
        record("GET /api/v1/tasks/monitoring/health 200", viewer().get("/api/v1/tasks/monitoring/health"));
        record("GET /api/v1/stats/throughput 200", viewer().get("/api/v1/stats/throughput?minutes=5"));
        record("GET /api/v1/me 200", api(ALICE_KEY).get("/api/v1/me"));
        record("GET /api/v1/failed-tasks 200", viewer().get("/api/v1/failed-tasks"));
        record("GET /api/v1/system/tasks/summary 200", viewer().get("/api/v1/system/tasks/summary"));
        record("GET /api/v1/system/tasks 200", viewer().get("/api/v1/system/tasks"));
        awaitLoopLiveness();
        record("GET /api/v1/system/tasks/active 200", viewer().get("/api/v1/system/tasks/active"));
        record("GET /api/v1/system/tasks/failed 200", viewer().get("/api/v1/system/tasks/failed"));
        record("GET /api/v1/system/health 500", viewer().get("/api/v1/system/health"));
        for (String prefix : List.of("", "/api/v1")) {
            record("GET " + prefix + "/tasks/stats 200", viewer().get(prefix + "/tasks/stats"));
            record("GET " + prefix + "/tasks/running 200", viewer().get(prefix + "/tasks/running"));
            record("GET " + prefix + "/tasks/pending 200", viewer().get(prefix + "/tasks/pending"));
            record("GET " + prefix + "/tasks/all 200", viewer().get(prefix + "/tasks/all?limit=5"));
            record("GET " + prefix + "/tasks/count/running 200", viewer().get(prefix + "/tasks/count/running"));
        }
        record("GET /metrics 200", viewer().get("/metrics"));
        record("GET /api/v1/recovery/fallback-chain 200", viewer().get("/api/v1/recovery/fallback-chain"));
        record(
                "GET /api/v1/recovery/fallback-chain/{chainId} 200",
                viewer().get("/api/v1/recovery/fallback-chain/" + chain));
        record(
                "PUT /api/v1/recovery/fallback-chain/{chainId} 200",
                admin().put(
                                "/api/v1/recovery/fallback-chain/" + chain,
                                declinedCardsChain(List.of("card_declined", "insufficient_funds"))));
        String retired = admin().post(
                        "/api/v1/recovery/fallback-chain",
                        Map.of(
                                "name",
                                "retired-search-fallback",
                                "match",
                                Map.of("type", "sleep"),
                                "steps",
                                List.of(Map.of("strategy", "fallback_type", "type", "noop"))))
                .text("id");
        record(
                "DELETE /api/v1/recovery/fallback-chain/{chainId} 200",
                admin().delete("/api/v1/recovery/fallback-chain/" + retired));
        record(
                "GET /api/v1/recovery/fallback-chain/{chainId}/history 200",
                viewer().get("/api/v1/recovery/fallback-chain/" + chain + "/history"));
        JsonNode alerts = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> viewer().get("/api/v1/alerts").body(),
                        page -> page.path("count").asInt() == 2);
        record("GET /api/v1/alerts 200", viewer().get("/api/v1/alerts"));
        record(
                "POST /api/v1/alerts/{alertId}/ack 200",
                operator()
                        .post(
                                "/api/v1/alerts/"
                                        + alerts.path("alerts")
                                                .get(0)
                                                .path("id")
                                                .asText() + "/ack",
                                Map.of("note", "calling the customer")));
        record(
                "POST /api/v1/failed-tasks/retry 200",
                operator().post("/api/v1/failed-tasks/retry", Map.of("type", "fail", "dry_run", true)));

        record("POST /api/v1/tasks/{taskId}/cancel 200", operator().post("/api/v1/tasks/" + toCancel + "/cancel"));
        record("POST /api/v1/tasks/{taskId}/cancel 409", operator().post("/api/v1/tasks/" + rendered + "/cancel"));
        record("DELETE /api/v1/tasks/{taskId} 200", operator().delete("/api/v1/tasks/" + toDelete));
        record("POST /api/v1/tasks/{taskId}/retry 200", operator().post("/api/v1/tasks/" + declined + "/retry"));
        record(
                "POST /api/v1/failed-tasks/{taskId}/retry 200",
                operator().post("/api/v1/failed-tasks/" + declinedAgain + "/retry"));
        for (String prefix : List.of("", "/api/v1")) {
            record("DELETE " + prefix + "/tasks/cleanup 200", admin().delete(prefix + "/tasks/cleanup?days=7"));
        }
        record("GET /api/v1/admin/projections/dead-letters 200", admin().get("/api/v1/admin/projections/dead-letters"));
        record(
                "POST /api/v1/admin/projections/dead-letters/{processingGroup}/retry 200",
                admin().post("/api/v1/admin/projections/dead-letters/task-view/retry"));
        record("GET /api/v1/hardware 200", viewer().get("/api/v1/hardware"));
        record(
                "POST /api/v1/hardware/inputs/{name}/press 200",
                operator().post("/api/v1/hardware/inputs/start/press?hold_ms=100"));
        record(
                "POST /api/v1/hardware/inputs/{name}/press 404",
                operator().post("/api/v1/hardware/inputs/doorbell/press"));
        recordWorkers();
        recordLive();
        operator().post("/api/v1/tasks/" + running + "/cancel");
        assertThat(waiting).isNotBlank();
    }

    private static Map<String, Object> declinedCardsChain(List<String> errorTypes) {
        return Map.of(
                "name",
                "declined-cards",
                "match",
                Map.of("type", "fail", "provider", "payments", "error_types", errorTypes),
                "steps",
                List.of(Map.of("strategy", "escalate", "severity", "high")));
    }

    /** The hardware loops show what they report about themselves once a heartbeat has written it. */
    private void awaitLoopLiveness() {
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        viewer().get("/api/v1/system/tasks/active").body().path("tasks").findValues("liveness").stream()
                                .anyMatch(liveness -> !liveness.isNull()));
    }

    /** An external worker's day (register, claim, report, succeed, fail, a late report) and the internal pool's control. */
    private void recordWorkers() {
        ApiClient worker = api(WORKER_KEY);
        String workers = "/api/v1/workers/worker-001-kind";
        record(
                "POST /api/v1/workers/register 201",
                worker.post(
                        "/api/v1/workers/register",
                        Map.of(
                                "worker_id",
                                "worker-001-kind",
                                "backend_type",
                                "kind",
                                "capabilities",
                                Map.of("max_parallel_tasks", 2, "supported_problems", List.of("test-*")))));
        String solved = submit(
                Map.of("type", "external", "problem_id", "test-problem-042", "parameters", Map.of("max_steps", 30)));
        JsonNode claim = record("POST /api/v1/workers/{workerId}/claim 200", worker.post(workers + "/claim?wait=5s"))
                .body();
        int token = claim.path("fencing_token").asInt();
        String reports = workers + "/tasks/" + solved;
        Map<String, Object> beat = Map.of("status", "busy", "current_task_id", solved, "fencing_token", token);
        record("POST /api/v1/workers/{workerId}/heartbeat 200", worker.post(workers + "/heartbeat", beat));
        record(
                "POST /api/v1/workers/{workerId}/tasks/{taskId}/progress 200",
                worker.post(
                        reports + "/progress", Map.of("fencing_token", token, "progress", 40, "message", "step 12")));
        record(
                "POST /api/v1/workers/{workerId}/tasks/{taskId}/logs 200",
                worker.post(
                        reports + "/logs",
                        Map.of(
                                "fencing_token",
                                token,
                                "level",
                                "info",
                                "message",
                                "the agent found the fault",
                                "context",
                                Map.of("step", 12))));
        // the workers read model trails the claim by a batch's gathering time (decision 0018)
        record(
                "GET /api/v1/workers 200",
                await().atMost(Duration.ofSeconds(20))
                        .until(
                                () -> viewer().get("/api/v1/workers"),
                                answer -> answer.body().findValues("current_tasks").stream()
                                        .anyMatch(tasks -> tasks.toString().contains(solved))));
        record("GET /api/v1/workers/{workerId} 200", viewer().get(workers));
        Map<String, Object> result = Map.of("success", true, "output", "Task completed successfully");
        record(
                "POST /api/v1/workers/{workerId}/tasks/{taskId}/complete 200",
                worker.post(reports + "/complete", Map.of("fencing_token", token, "result", result)));
        record(
                "POST /api/v1/workers/{workerId}/tasks/{taskId}/complete 409",
                worker.post(reports + "/complete", Map.of("fencing_token", token, "result", result)));
        String unsolvable = submit(Map.of("type", "external", "problem_id", "test-problem-043"));
        JsonNode second = worker.post(workers + "/claim?wait=5s").body();
        record(
                "POST /api/v1/workers/{workerId}/tasks/{taskId}/fail 200",
                worker.post(
                        workers + "/tasks/" + unsolvable + "/fail",
                        Map.of(
                                "fencing_token",
                                second.path("fencing_token").asInt(),
                                "error",
                                Map.of(
                                        "type",
                                        "invalid_problem",
                                        "message",
                                        "no such fault to inject",
                                        "retryable",
                                        false))));

        ApiClient admin = admin();
        record("GET /api/v1/workers/internal/status 200", viewer().get("/api/v1/workers/internal/status"));
        int size = admin.get("/api/v1/workers/internal/status")
                .body()
                .path("num_workers")
                .asInt();
        record(
                "POST /api/v1/workers/internal/scale 200",
                admin.post("/api/v1/workers/internal/scale", Map.of("num_workers", size)));
        record("POST /api/v1/workers/internal/stop 200", admin.post("/api/v1/workers/internal/stop"));
        record("POST /api/v1/workers/internal/start 200", admin.post("/api/v1/workers/internal/start"));
    }

    /** A live token, and the event streams: the events stream as a task runs, then the task's own stream resumed. */
    private void recordLive() {
        record("POST /api/v1/live/token 201", viewer().post("/api/v1/live/token"));
        try (LiveStream events = LiveStream.open(port, "/api/v1/events/stream?type=sleep", VIEWER_KEY, null)) {
            Message subscribed = events.next();
            String id = submit(Map.of(
                    "type", "sleep", "description", "Render a thumbnail", "input", Map.of("millis", 300, "steps", 2)));
            List<Message> messages = events.until(
                    message -> message.data().path("task_id").asText().equals(id)
                            && message.event().equals("attempt_success"));
            streams.put(
                    "GET /api/v1/events/stream 200",
                    subscribed.text() + "\n" + messages.getFirst().text());
            try (LiveStream task = LiveStream.open(
                    port,
                    "/api/v1/tasks/" + id + "/events/stream",
                    VIEWER_KEY,
                    messages.getLast().id())) {
                Message resumed = task.next();
                Message completed = task.next();
                assertThat(completed.event()).isEqualTo("task_completed");
                streams.put("GET /api/v1/tasks/{taskId}/events/stream 200", resumed.text() + "\n" + completed.text());
            }
        }
    }

    /** The JSON of a stream excerpt's last message. */
    private static JsonNode lastData(String stream) {
        String data = stream.lines()
                .filter(line -> line.startsWith("data:"))
                .reduce((first, second) -> second)
                .orElseThrow()
                .substring("data:".length())
                .trim();
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> declinedPayment(String order) {
        return Map.of(
                "type",
                "fail",
                "category",
                "API",
                "description",
                "Charge " + order,
                "input",
                Map.of("error_type", "card_declined", "message", "the card was declined", "retryable", false),
                "metadata",
                Map.of("order", order),
                "provider",
                "payments");
    }

    private Answer record(String key, Answer answer) {
        String status = key.substring(key.lastIndexOf(' ') + 1);
        assertThat(answer.status()).as(key + ": " + answer.raw().body()).isEqualTo(Integer.parseInt(status));
        answers.put(key, answer);
        return answer;
    }

    private void awaitStatus(String taskId, String status) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> viewer().get("/api/v1/tasks/" + taskId).text("status"), status::equals);
    }

    private void write() throws IOException {
        ObjectNode examples = JSON.createObjectNode();
        answers.forEach((key, answer) -> {
            ObjectNode example = examples.putObject(key);
            boolean json =
                    answer.raw().headers().firstValue("Content-Type").orElse("").contains("json");
            example.put("content_type", json ? "application/json" : "text/plain");
            if (json) {
                example.set("body", answer.body());
            } else {
                example.put("body", metricsExcerpt(answer.raw().body()));
            }
        });
        streams.forEach((key, text) -> {
            ObjectNode example = examples.putObject(key);
            example.put("content_type", "text/event-stream");
            example.put("body", text);
        });
        Files.createDirectories(EXAMPLES.getParent());
        Files.writeString(EXAMPLES, JSON.writeValueAsString(examples) + "\n");
    }

    /** The engine's own metric families: the full scrape also holds a few hundred JVM and pool lines. */
    private static String metricsExcerpt(String scrape) {
        return scrape.lines()
                .filter(line -> line.startsWith(METRICS_PREFIX)
                        || line.startsWith("# HELP " + METRICS_PREFIX)
                        || line.startsWith("# TYPE " + METRICS_PREFIX))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static Set<String> metricFamilies(String scrape) {
        return scrape.lines()
                .filter(line -> line.startsWith("# TYPE " + METRICS_PREFIX))
                .map(line -> line.split(" ")[2])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private ApiClient viewer() {
        return api(VIEWER_KEY);
    }

    private ApiClient admin() {
        return api(ADMIN_KEY);
    }
}
