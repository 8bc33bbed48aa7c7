package io.taskforge.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client over loopback (the JDK's), collecting the JSON messages it receives. It can
 * stop reading, as a slow client does: the JDK client then takes no more frames off the socket.
 */
public final class LiveClient implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration UNTIL = Duration.ofSeconds(90);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final boolean reading;
    private WebSocket socket;

    private LiveClient(boolean reading) {
        this.reading = reading;
    }

    /** Connects with the key in a header (null for none); fails with the handshake's status when refused. */
    public static LiveClient connect(int port, String pathAndQuery, String key) {
        return open(port, pathAndQuery, key, true);
    }

    /** Connects and reads nothing after the handshake: the server's frames pile up in the socket. */
    public static LiveClient connectWithoutReading(int port, String pathAndQuery, String key) {
        return open(port, pathAndQuery, key, false);
    }

    /** The HTTP status the server refused the handshake with. */
    public static int refusal(int port, String pathAndQuery, String key) {
        try {
            open(port, pathAndQuery, key, true).close();
            throw new AssertionError("the handshake of " + pathAndQuery + " was accepted");
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    private static LiveClient open(int port, String pathAndQuery, String key, boolean reading) {
        LiveClient client = new LiveClient(reading);
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + pathAndQuery), client)
                .join();
        return client;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        if (reading) {
            webSocket.request(1);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                messages.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException("not JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    /** The next message, waiting a while for it. */
    public JsonNode next() {
        try {
            JsonNode message = messages.poll(20, TimeUnit.SECONDS);
            assertThat(message)
                    .as(() -> "a message within 20 s, connection "
                            + (closed.isDone() ? "closed with " + closed.getNow(0) : "open"))
                    .isNotNull();
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Messages up to and including the first that matches, in the order received. */
    public List<JsonNode> until(Predicate<JsonNode> last) {
        long deadline = System.nanoTime() + UNTIL.toNanos();
        List<JsonNode> received = new ArrayList<>();
        JsonNode message;
        do {
            assertThat(System.nanoTime())
                    .as(() -> "the awaited message within " + UNTIL + "; received "
                            + received.stream()
                                    .map(m -> m.path("kind").asText() + "/"
                                            + m.path("event").asText() + "/"
                                            + m.path("task_id").asText())
                                    .toList())
                    .isLessThan(deadline);
            message = next();
            received.add(message);
        } while (!last.test(message));
        return received;
    }

    /** The next message if one comes within a second. */
    public Optional<JsonNode> poll() {
        try {
            return Optional.ofNullable(messages.poll(1, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The close code once the connection has ended (-1 when it broke), 0 while it is open. */
    public int closeCodeOrNone() {
        return closed.getNow(0);
    }

    /** Starts reading again after {@link #connectWithoutReading}. */
    public void startReading() {
        socket.request(Long.MAX_VALUE);
    }

    /** The close code the server sent, waiting for it a while; -1 when the connection broke. */
    public int closeCode(Duration patience) {
        return closed.orTimeout(patience.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(failure -> null);
        }
        socket.abort();
    }
}
