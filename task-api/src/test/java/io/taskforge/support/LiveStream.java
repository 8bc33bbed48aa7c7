package io.taskforge.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A real Server-Sent Events client over loopback (the JDK's HttpClient), collecting the messages it reads. */
public final class LiveStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration UNTIL = Duration.ofSeconds(90);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * One message.
     *
     * @param text the message as it came over the wire, its lines joined
     */
    public record Message(String id, String event, JsonNode data, String text) {}

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();

    private LiveStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread.ofVirtual().start(this::read);
    }

    /** Opens the stream with the key (null for none) and, when not null, a Last-Event-ID. */
    public static LiveStream open(int port, String pathAndQuery, String key, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Accept", "text/event-stream");
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new LiveStream(HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private void read() {
        String id = null;
        String event = null;
        StringBuilder data = new StringBuilder();
        StringBuilder text = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        messages.add(new Message(id, event, parse(data.toString()), text.toString()));
                    }
                    id = null;
                    event = null;
                    data.setLength(0);
                    text.setLength(0);
                    continue;
                }
                text.append(line).append('\n');
                if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        } catch (UncheckedIOException closed) {
            // the stream was closed
        }
    }

    private static JsonNode parse(String data) {
        try {
            return JSON.readTree(data);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + data, e);
        }
    }

    public Message next() {
        try {
            Message message = messages.poll(20, TimeUnit.SECONDS);
            assertThat(message).as("an SSE message within 20 s").isNotNull();
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<Message> until(Predicate<Message> last) {
        long deadline = System.nanoTime() + UNTIL.toNanos();
        List<Message> received = new ArrayList<>();
        Message message;
        do {
            assertThat(System.nanoTime())
                    .as(() -> "the awaited message within " + UNTIL + "; received "
                            + received.stream().map(Message::event).toList())
                    .isLessThan(deadline);
            message = next();
            received.add(message);
        } while (!last.test(message));
        return received;
    }

    @Override
    public void close() {
        response.body().close();
    }
}
