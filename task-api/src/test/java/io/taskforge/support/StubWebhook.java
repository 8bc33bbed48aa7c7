package io.taskforge.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An alert webhook on loopback that refuses the first {@code failuresPerAlert} POSTs of each alert
 * with a 500 and takes the next ones, recording every POST it received.
 */
public final class StubWebhook implements AutoCloseable {

    /** One POST as the webhook received it. */
    public record Post(String alertId, String signature, String body, int answeredWith) {}

    private final HttpServer server;
    private final int failuresPerAlert;
    private final Map<String, AtomicInteger> postsPerAlert = new ConcurrentHashMap<>();
    private final List<Post> posts = new CopyOnWriteArrayList<>();

    public StubWebhook(int failuresPerAlert) {
        this.failuresPerAlert = failuresPerAlert;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String alertId = exchange.getRequestHeaders().getFirst("X-Taskforge-Alert-Id");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int seen = postsPerAlert
                    .computeIfAbsent(String.valueOf(alertId), id -> new AtomicInteger())
                    .incrementAndGet();
            int status = seen <= failuresPerAlert ? 500 : 204;
            posts.add(new Post(alertId, exchange.getRequestHeaders().getFirst("X-Taskforge-Signature"), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
    }

    /** Every POST received for the alert, in order. */
    public List<Post> postsFor(String alertId) {
        return posts.stream().filter(post -> alertId.equals(post.alertId())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
