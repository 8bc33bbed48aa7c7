package io.taskforge.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** The engine's HTTP API, as far as the benchmark uses it. */
final class TaskforgeClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOOP_TASK = "{\"type\":\"noop\"}";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI base;
    private final String apiKey;

    private static final String POOL = "/api/v1/workers/internal";

    TaskforgeClient(URI base, String apiKey) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.base = base;
        this.apiKey = apiKey;
    }

    Submission submitNoop() {
        HttpRequest request = post("/api/v1/tasks", NOOP_TASK);
        Instant sentAt = Instant.now();
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long answer = System.nanoTime() - sent;
            int status = response.statusCode();
            String id = status == 200 || status == 201 || status == 202 ? idOf(response.body()) : null;
            return new Submission(id, sentAt, sent, answer, status);
        } catch (IOException failed) {
            return new Submission(null, sentAt, sent, System.nanoTime() - sent, 0);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Submission(null, sentAt, sent, System.nanoTime() - sent, 0);
        }
    }

    /** Submits {@code size} no-op tasks in one batch request; answers its status. */
    int submitNoopBatch(int size) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder(size * 18 + 16).append("{\"tasks\":[");
        for (int i = 0; i < size; i++) {
            body.append(i == 0 ? "" : ",").append(NOOP_TASK);
        }
        body.append("]}");
        return http.send(post("/api/v1/tasks/batch", body.toString()), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** An empty batch tells whether the endpoint exists without adding a task. */
    boolean hasBatchApi() throws IOException, InterruptedException {
        int status = http.send(post("/api/v1/tasks/batch", "{\"tasks\":[]}"), HttpResponse.BodyHandlers.discarding())
                .statusCode();
        return status != 404 && status != 405;
    }

    /** Completed tasks as the counters projection shows them ({@code /tasks/stats}). */
    /** Whether the engine can stop and start its workers at run time (seed 002's pool control). */
    boolean hasPoolControl() throws IOException, InterruptedException {
        return http.send(get(POOL + "/status"), HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                == 200;
    }

    void stopWorkers() throws IOException, InterruptedException {
        expectOk(http.send(post(POOL + "/stop", "{}"), HttpResponse.BodyHandlers.ofString()));
    }

    void startWorkers() throws IOException, InterruptedException {
        expectOk(http.send(post(POOL + "/start", "{}"), HttpResponse.BodyHandlers.ofString()));
    }

    /** Whether no internal worker runs a task (all idle or stopped). */
    boolean workersIdle() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(get(POOL + "/status"), HttpResponse.BodyHandlers.ofString());
        expectOk(response);
        for (JsonNode worker : JSON.readTree(response.body()).path("workers")) {
            if (!worker.path("current_task").isNull()
                    && !worker.path("current_task").isMissingNode()) {
                return false;
            }
        }
        return true;
    }

    private static void expectOk(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException(
                    response.request().uri().getPath() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    long completedTasks() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(get("/tasks/stats"), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("/tasks/stats answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("completed_tasks").asLong();
    }

    boolean ready() {
        try {
            return http.send(get("/ready"), HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Drops the connections of an engine that is going away. */
    void close() {
        http.shutdownNow();
    }

    private HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .GET()
                .build();
    }

    private static String idOf(String body) throws IOException {
        JsonNode id = JSON.readTree(body).path("id");
        return id.isTextual() ? id.asText() : null;
    }
}
