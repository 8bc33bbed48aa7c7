package io.taskforge.api.security;

import io.taskforge.api.web.ApiErrorWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a live token from the {@code token} query parameter of a live connection (the WebSocket
 * endpoints and the event streams), which browsers cannot send headers to. A request with a key in
 * a header is left to the key; a token that is forged or has expired is refused.
 */
class LiveTokenAuthenticationFilter extends OncePerRequestFilter {

    static final String TOKEN_PARAMETER = "token";

    /** The live connections, which accept a token in place of a key. */
    static final RequestMatcher LIVE_CONNECTIONS = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/ws/**"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/v1/tasks/*/events/stream"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/v1/events/stream"));

    private final LiveTokens tokens;
    private final ApiErrorWriter errors;

    LiveTokenAuthenticationFilter(LiveTokens tokens, ApiErrorWriter errors) {
        this.tokens = tokens;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getParameter(TOKEN_PARAMETER) == null
                || SecurityContextHolder.getContext().getAuthentication() != null
                || !LIVE_CONNECTIONS.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = tokens.callerOf(request.getParameter(TOKEN_PARAMETER));
        if (caller.isEmpty()) {
            errors.write(
                    request,
                    response,
                    HttpServletResponse.SC_UNAUTHORIZED,
                    "unauthorized",
                    "the live token is not valid or has expired: ask POST /api/v1/live/token for a new one");
            return;
        }
        CallerAuthentication.continueAs(caller.get(), request, response, chain);
    }
}
