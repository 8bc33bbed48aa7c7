package io.taskforge.api.security;

import io.taskforge.api.web.ApiErrorWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the key from {@code Authorization: Bearer <key>} or {@code X-API-Key}. A request without a
 * key goes on unauthenticated (open endpoints accept it); a request with an unknown key is refused.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final ApiErrorWriter errors;

    ApiKeyAuthenticationFilter(ApiKeys keys, ApiErrorWriter errors) {
        this.keys = keys;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> presented = presentedKey(request);
        if (presented.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller = keys.callerOf(presented.get());
        if (caller.isEmpty()) {
            errors.write(
                    request, response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "the API key is not valid");
            return;
        }
        CallerAuthentication.continueAs(caller.get(), request, response, chain);
    }

    private static Optional<String> presentedKey(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(authorization.substring(BEARER.length()).trim()).filter(key -> !key.isEmpty());
        }
        return Optional.ofNullable(request.getHeader(API_KEY_HEADER))
                .map(String::trim)
                .filter(key -> !key.isEmpty());
    }
}
