package io.taskforge.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Times GET requests over loopback HTTP, one at a time, from sending the request until the whole
 * body has arrived. Warm-up requests are not counted.
 */
final class EndpointTimer {

    private static final int WARM_UP = 50;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String key;
    private final int samples;

    EndpointTimer(String baseUrl, String key, int samples) {
        this.baseUrl = baseUrl;
        this.key = key;
        this.samples = samples;
    }

    Latencies time(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + key)
                .GET()
                .build();
        for (int i = 0; i < WARM_UP; i++) {
            send(request);
        }
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            send(request);
            nanos[i] = System.nanoTime() - start;
        }
        return new Latencies(nanos);
    }

    private void send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        // the system health answers 500 while a probe reports degraded; every other status is a failure
        if (response.statusCode() != 200 && response.statusCode() != 500) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
    }
}
