package io.taskforge.api.live;

import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Optional;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/** Feeds each WebSocket its topic's messages; what clients send is ignored. */
class LiveWebSocketHandler extends TextWebSocketHandler {

    /** Tomcat's time limit on one blocking send; past it the send fails instead of waiting on. */
    private static final String TOMCAT_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    /**
     * How long Tomcat waits, once it has sent its close frame, for the client's before it drops the
     * connection (30 s by default; Tomcat looks every 10 s). A send that timed out may have left half
     * a message on the wire, behind which the client never reads the close frame, so it would hold
     * its socket for the whole wait: the wait is the send timeout instead.
     */
    private static final String TOMCAT_CLOSE_TIMEOUT = "org.apache.tomcat.websocket.SESSION_CLOSE_TIMEOUT";

    private static final String SUBSCRIPTION = LiveSubscription.class.getName();

    private final LiveFeed feed;
    private final LiveProperties properties;

    LiveWebSocketHandler(LiveFeed feed, LiveProperties properties) {
        this.feed = feed;
        this.properties = properties;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterConnectionEstablished(WebSocketSession session) {
        if (session instanceof NativeWebSocketSession nativeSession
                && nativeSession.getNativeSession(Session.class) instanceof Session tomcat) {
            tomcat.getUserProperties()
                    .put(TOMCAT_SEND_TIMEOUT, properties.sendTimeout().toMillis());
            tomcat.getUserProperties()
                    .put(TOMCAT_CLOSE_TIMEOUT, properties.sendTimeout().toMillis());
        }
        LiveTopic topic = (LiveTopic) session.getAttributes().get(LiveHandshake.TOPIC);
        var after = (Optional<GapAwareTrackingToken>) session.getAttributes().get(LiveHandshake.AFTER);
        session.getAttributes().put(SUBSCRIPTION, feed.subscribe(topic, after, new Sink(session)));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        if (session.getAttributes().get(SUBSCRIPTION) instanceof LiveSubscription subscription) {
            subscription.end();
        }
    }

    /** Sends frames as text messages; closes with 1008 (policy violation) when the client is too slow. */
    private record Sink(WebSocketSession session) implements LiveSink {

        @Override
        public void send(Frame frame) throws IOException {
            session.sendMessage(new TextMessage(frame.json()));
        }

        @Override
        public void close(String reason) {
            try {
                session.close(CloseStatus.POLICY_VIOLATION.withReason(reason));
            } catch (IOException | RuntimeException alreadyGone) {
                // the connection is gone either way
            }
        }
    }
}
