package io.taskforge.support;

import io.taskforge.support.ApiClient.Answer;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests that seed clients send: the reads seeds 000 and 001 document, and one of every request
 * that changes tasks.
 */
public final class SeedRequests {

    private static final List<String> SEED_000_READS = List.of(
            "/api/v1/system/tasks/summary",
            "/api/v1/system/tasks",
            "/api/v1/system/tasks/active",
            "/api/v1/system/tasks/failed");
    private static final List<String> SEED_001_READS =
            List.of("/tasks/stats", "/tasks/running", "/tasks/pending", "/tasks/all", "/tasks/count/running");

    private SeedRequests() {}

    /** One request; {@code body} is the JSON of a submission, null for the others. */
    public record Request(String method, String path, String body) {

        public Answer sendWith(ApiClient client) {
            HttpRequest.Builder request = client.request(path);
            if (body == null) {
                return client.send(request.method(method, HttpRequest.BodyPublishers.noBody()));
            }
            return client.send(request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body)));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * Seed 000's curl calls but its health check (which is open), and seed 001's reads at its own
     * paths and under {@code /api/v1}; {@code taskId} names the task of {@code /tasks/{task_id}}.
     */
    public static List<Request> reads(String taskId) {
        List<Request> reads = new ArrayList<>();
        SEED_000_READS.forEach(path -> reads.add(get(path)));
        for (String prefix : List.of("", "/api/v1")) {
            SEED_001_READS.forEach(path -> reads.add(get(prefix + path)));
        }
        reads.add(get("/tasks/" + taskId));
        reads.add(get("/api/v1/tasks/" + taskId));
        return reads;
    }

    /**
     * A submission, both ways to cancel {@code unfinished}, both ways to retry {@code finished}, and
     * seed 001's clean-up of every finished task at both of its paths.
     */
    public static List<Request> writes(String unfinished, String finished) {
        return List.of(
                new Request("POST", "/api/v1/tasks", "{\"type\": \"noop\"}"),
                new Request("POST", "/api/v1/tasks/" + unfinished + "/cancel", null),
                new Request("DELETE", "/api/v1/tasks/" + unfinished, null),
                new Request("POST", "/api/v1/tasks/" + finished + "/retry", null),
                new Request("POST", "/api/v1/failed-tasks/" + finished + "/retry", null),
                new Request("DELETE", "/tasks/cleanup?days=0", null),
                new Request("DELETE", "/api/v1/tasks/cleanup?days=0", null));
    }

    private static Request get(String path) {
        return new Request("GET", path, null);
    }
}
