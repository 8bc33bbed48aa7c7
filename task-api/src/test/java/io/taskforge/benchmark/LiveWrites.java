package io.taskforge.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Submits tasks over HTTP from several clients while every projection runs live. Each submission
 * answers only once the task view shows the new task, so its latency includes the projection.
 */
final class LiveWrites {

    private static final int CLIENTS = 8;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String key;

    LiveWrites(String baseUrl, String key) {
        this.baseUrl = baseUrl;
        this.key = key;
    }

    /** Submits {@code tasks} tasks and returns the latency of each submission. */
    Latencies submit(int tasks) throws Exception {
        long[] nanos = new long[tasks];
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> submissions = new ArrayList<>(tasks);
            for (int i = 0; i < tasks; i++) {
                int n = i;
                submissions.add(clients.submit(() -> {
                    long start = System.nanoTime();
                    submitOne(n);
                    nanos[n] = System.nanoTime() - start;
                    return null;
                }));
            }
            for (Future<?> submission : submissions) {
                submission.get();
            }
        }
        return new Latencies(nanos);
    }

    private void submitOne(int n) throws Exception {
        String body = """
                {"type":"noop","category":"BACKGROUND","description":"live write %d","input":{"n":%d},\
                "provider":"provider-%d","owner":"owner-%d"}""".formatted(n, n, n % 5, n % 50);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/tasks"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("a submission answered " + response.statusCode() + ": " + response.body());
        }
    }
}
