package io.taskforge.api.live;

import io.taskforge.api.web.ApiErrorWriter;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** The plain WebSocket endpoints (JSON text frames, no STOMP). */
@Configuration
@EnableWebSocket
class LiveWebSocketConfiguration implements WebSocketConfigurer {

    private final LiveFeed feed;
    private final LiveRequests requests;
    private final ApiErrorWriter errors;
    private final LiveProperties properties;

    LiveWebSocketConfiguration(LiveFeed feed, LiveRequests requests, ApiErrorWriter errors, LiveProperties properties) {
        this.feed = feed;
        this.requests = requests;
        this.errors = errors;
        this.properties = properties;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new LiveWebSocketHandler(feed, properties), "/ws/tasks/*", "/ws/dashboard/*", "/ws/events")
                .addInterceptors(new LiveHandshake(requests, errors));
    }
}
