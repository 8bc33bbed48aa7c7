package io.taskforge.api.workers;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.support.ApiClient;
import io.taskforge.support.ApiClient.Answer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One external worker as a test drives it over HTTP, with the worker key. */
final class ExternalWorker {

    private final ApiClient api;
    private final String id;

    ExternalWorker(ApiClient api, String id) {
        this.api = api;
        this.id = id;
    }

    String id() {
        return id;
    }

    Answer register(String backendType, int maxParallel, List<String> problems) {
        return api.post(
                "/api/v1/workers/register",
                Map.of(
                        "worker_id",
                        id,
                        "backend_type",
                        backendType,
                        "capabilities",
                        Map.of("max_parallel_tasks", maxParallel, "supported_problems", problems)));
    }

    Answer claim() {
        return api.post(path("/claim"));
    }

    Answer claim(String wait) {
        return api.post(path("/claim?wait=" + wait));
    }

    /** A heartbeat naming the attempts the worker runs, task id to fencing token. */
    Answer heartbeat(Map<String, Integer> running) {
        Map<String, Object> body = new HashMap<>();
        body.put("status", running.isEmpty() ? "idle" : "busy");
        body.put(
                "current_tasks",
                running.entrySet().stream()
                        .map(entry -> Map.of("task_id", entry.getKey(), "fencing_token", entry.getValue()))
                        .toList());
        return api.post(path("/heartbeat"), body);
    }

    Answer progress(JsonNode claim, int percent, String message) {
        return report(claim, "progress", Map.of("progress", percent, "message", message));
    }

    Answer log(JsonNode claim, String level, String message) {
        return report(claim, "logs", Map.of("level", level, "message", message, "context", Map.of("step", 1)));
    }

    Answer complete(JsonNode claim, Map<String, Object> result) {
        return report(claim, "complete", Map.of("result", result));
    }

    Answer fail(JsonNode claim, Map<String, Object> error) {
        return report(claim, "fail", Map.of("error", error));
    }

    private Answer report(JsonNode claim, String kind, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("fencing_token", claim.path("fencing_token").asInt());
        return api.post(path("/tasks/" + claim.path("id").asText() + "/" + kind), body);
    }

    private String path(String suffix) {
        return "/api/v1/workers/" + id + suffix;
    }
}
