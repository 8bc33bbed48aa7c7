package io.taskforge.api.live;

import io.taskforge.api.web.ApiErrorWriter;
import io.taskforge.api.web.ApiException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Decides a WebSocket's topic and cursor before the upgrade, so that a connection the caller may not
 * open is refused with an HTTP status and the API's error body (the key itself was checked by the
 * security filters, like any GET).
 */
class LiveHandshake implements HandshakeInterceptor {

    static final String TOPIC = LiveTopic.class.getName();
    static final String AFTER = LiveCursor.class.getName();

    private final LiveRequests requests;
    private final ApiErrorWriter errors;

    LiveHandshake(LiveRequests requests, ApiErrorWriter errors) {
        this.requests = requests;
        this.errors = errors;
    }

    @Override
    public boolean beforeHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            Map<String, Object> attributes)
            throws IOException {
        var servletRequest = ((ServletServerHttpRequest) request).getServletRequest();
        try {
            Optional<GapAwareTrackingToken> after = LiveRequests.cursor(servletRequest.getParameter("after"));
            attributes.put(TOPIC, topicOf(request, servletRequest::getParameter));
            attributes.put(AFTER, after);
            return true;
        } catch (ApiException refused) {
            errors.write(servletRequest, ((ServletServerHttpResponse) response).getServletResponse(), refused);
            return false;
        }
    }

    private LiveTopic topicOf(ServerHttpRequest request, Function<String, String> parameter) {
        var segments = UriComponentsBuilder.fromUri(request.getURI()).build().getPathSegments();
        String last = segments.getLast();
        return switch (segments.get(segments.size() - 2)) {
            case "tasks" -> requests.task(last);
            case "dashboard" -> requests.dashboard(last);
            default -> requests.events(parameter.apply("owner"), parameter.apply("type"), parameter.apply("status"));
        };
    }

    @Override
    public void afterHandshake(
            ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception failure) {}
}
