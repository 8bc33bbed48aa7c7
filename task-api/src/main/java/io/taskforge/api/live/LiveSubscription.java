package io.taskforge.api.live;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.taskforge.engine.live.EventFeed;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live connection: a reader that follows the event store from the connection's position and puts
 * the topic's messages in a bounded outbox, and a writer that sends them. Both run on virtual threads
 * of their own, so a client that does not read holds up nothing but its own writer, and the reader
 * skips it ahead instead of buffering without bound.
 */
final class LiveSubscription {

    private static final Logger log = LoggerFactory.getLogger(LiveSubscription.class);

    private static final long IDLE_POLL_MILLIS = 500;

    /** How long the reader waits for room in a full outbox before it skips the client ahead. */
    private static final Duration FULL_OUTBOX_GRACE = Duration.ofSeconds(1);

    private final LiveTopic topic;
    private final LiveSink sink;
    private final EventFeed events;
    private final LiveEvents messages;
    private final LiveProperties properties;
    private final Outbox outbox;
    private final Consumer<LiveSubscription> onEnd;
    private volatile boolean ended;
    private volatile Thread reader;
    private volatile Thread writer;

    /** When the writer began the send it is in; 0 while it is not sending. */
    private volatile long sendingSince;

    LiveSubscription(
            LiveTopic topic,
            LiveSink sink,
            EventFeed events,
            LiveEvents messages,
            LiveProperties properties,
            Consumer<LiveSubscription> onEnd) {
        this.topic = topic;
        this.sink = sink;
        this.events = events;
        this.messages = messages;
        this.properties = properties;
        this.onEnd = onEnd;
        this.outbox = new Outbox(properties.bufferMessages(), FULL_OUTBOX_GRACE, cursor -> control("resync", cursor));
    }

    /**
     * Starts following the store after {@code from}: first a {@code subscribed} message with that
     * cursor, or a {@code resync} when the client's own cursor could not be replayed from.
     */
    void start(TrackingToken from, boolean resync) {
        String cursor = LiveCursor.of(from);
        outbox.begin(control(resync ? "resync" : "subscribed", cursor), resync);
        String name = "live-" + topic.name();
        reader = Thread.ofVirtual().name(name + "-reader").start(() -> read(from));
        writer = Thread.ofVirtual().name(name + "-writer").start(this::write);
    }

    /** Messages waiting for the client. */
    int buffered() {
        return outbox.size();
    }

    /** Ends the subscription: the client left, or the node stops. */
    void end() {
        if (ended) {
            return;
        }
        ended = true;
        outbox.close();
        interrupt(reader);
        interrupt(writer);
        onEnd.accept(this);
    }

    private void read(TrackingToken from) {
        long lastSent = System.nanoTime();
        String reached = LiveCursor.of(from);
        try (BlockingStream<TrackedEventMessage<?>> stream = events.follow(from)) {
            while (!ended) {
                watchSlowSend();
                if (!stream.hasNextAvailable((int) IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (System.nanoTime() - lastSent
                                    > properties.heartbeatInterval().toNanos()
                            && outbox.isEmpty()) {
                        outbox.offer(control("heartbeat", reached));
                        lastSent = System.nanoTime();
                    }
                    continue;
                }
                List<TrackedEventMessage<?>> batch = new ArrayList<>();
                while (batch.size() < LiveProperties.BATCH_SIZE && stream.hasNextAvailable()) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    if (LiveEvents.isTaskEvent(event) && topic.mayConcern(LiveEvents.taskIdOf(event))) {
                        batch.add(event);
                    }
                    reached = LiveCursor.of(event.trackingToken());
                }
                if (outbox.skipping()) {
                    outbox.skipTo(reached);
                } else if (!batch.isEmpty()) {
                    for (LiveEvent event : messages.render(batch)) {
                        if (topic.matches(event)) {
                            outbox.offer(message(event));
                            lastSent = System.nanoTime();
                        }
                    }
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!ended) {
                log.warn("Live updates of {} stopped: {}", topic.name(), e.toString());
                sink.close("the server could not read the events");
            }
        } finally {
            end();
        }
    }

    private void write() {
        try {
            while (!ended) {
                Frame frame = outbox.take(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    sendingSince = System.nanoTime();
                    sink.send(frame);
                    sendingSince = 0;
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException gone) {
            if (!ended) {
                log.info(
                        "Closing the live connection of {}: a message could not be sent ({})",
                        topic.name(),
                        gone.toString());
                sink.close("the message could not be sent in time");
            }
        } finally {
            end();
        }
    }

    /** A client that takes longer than the send timeout over one message is closed, never waited for. */
    private void watchSlowSend() {
        long since = sendingSince;
        if (since != 0 && System.nanoTime() - since > properties.sendTimeout().toNanos()) {
            log.info("Closing the live connection of {}: the client takes no messages", topic.name());
            sink.close("too slow: reconnect with after=<the last cursor processed>");
            end();
        }
    }

    private Frame message(LiveEvent event) {
        String cursor = LiveCursor.of(event.token());
        String json = "{\"kind\":\"task_event\",\"topic\":" + quoted(topic.name()) + ",\"cursor\":" + quoted(cursor)
                + "," + event.fields() + "}";
        return new Frame(event.name(), cursor, json);
    }

    private Frame control(String kind, String cursor) {
        return new Frame(
                kind,
                cursor,
                "{\"kind\":" + quoted(kind) + ",\"topic\":" + quoted(topic.name()) + ",\"cursor\":" + quoted(cursor)
                        + "}");
    }

    private static String quoted(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    private static void interrupt(Thread thread) {
        if (thread != null && thread != Thread.currentThread()) {
            thread.interrupt();
        }
    }
}
