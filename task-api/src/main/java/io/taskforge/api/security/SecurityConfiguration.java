package io.taskforge.api.security;

import io.taskforge.api.web.ApiErrorWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** Which endpoints are open and which role the others need. */
@Configuration
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    static final String[] OPEN_ENDPOINTS = {
        "/health", "/ready", "/api/v1/system/health", "/actuator/health/**", "/error"
    };
    static final String[] API_DOCS = {"/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};
    static final String METRICS = "/metrics";

    /** The engine's administration (the read models' parked events), for admins only. */
    static final String ADMINISTRATION = "/api/v1/admin/**";

    /** The clean-up of old tasks (seed 001), for admins only. */
    static final String[] CLEANUP = {"/tasks/cleanup", "/api/v1/tasks/cleanup"};

    /** Control of the in-process worker pool (seed 002's scale, stop and start), for admins only. */
    static final String WORKER_POOL_CONTROL = "/api/v1/workers/internal/*";

    /** Fallback chains are engine configuration: everyone with a key reads them, admins change them. */
    static final String[] FALLBACK_CHAINS = {"/api/v1/recovery/fallback-chain", "/api/v1/recovery/fallback-chain/**"};

    /** The external worker protocol (seed 002's register, heartbeat and claim, and the reports), for worker keys. */
    static final String[] WORKER_PROTOCOL = {
        "/api/v1/workers/register",
        "/api/v1/workers/*/heartbeat",
        "/api/v1/workers/*/claim",
        "/api/v1/workers/*/tasks/**"
    };

    /** Browsers ask for a live token with the key they hold: any role that reads may. */
    static final String LIVE_TOKEN = "/api/v1/live/token";

    @Bean
    LiveTokens liveTokens(ApiKeys keys, LiveTokenProperties properties, Clock clock) {
        return new LiveTokens(keys, properties, clock);
    }

    @Bean
    ApiKeys apiKeys(ApiKeyProperties properties) {
        ApiKeys keys = ApiKeys.parse(properties.keysConfigured() ? properties.apiKeys() : "");
        if (!keys.isEmpty()) {
            return keys;
        }
        String generated = ApiKeys.generateKey();
        log.warn(
                "No TASKFORGE_API_KEYS configured: generated the admin key {} for this run only; the server listens on loopback. Send it as 'Authorization: Bearer <key>'.",
                generated);
        return ApiKeys.single(generated, Role.ADMIN);
    }

    /** A request the firewall refuses (a path with {@code //}, {@code ;} or an encoded dot) is a 400 in the error shape. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ApiErrorWriter errors) {
        return (request, response, rejected) -> errors.write(
                request, response, HttpServletResponse.SC_BAD_REQUEST, "bad_request", rejected.getMessage());
    }

    /**
     * No Micrometer observation around each filter of the security chain, nor of each
     * authentication and authorization: {@code http.server.requests} already times every request,
     * and the per-filter observations cost more of a submission's CPU than the API key check.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(
                "ROLE_ADMIN > ROLE_OPERATOR\nROLE_OPERATOR > ROLE_VIEWER\nROLE_ADMIN > ROLE_WORKER");
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            ApiKeys keys,
            LiveTokens liveTokens,
            ApiKeyProperties properties,
            ApiErrorWriter errors,
            MetricsProperties metrics)
            throws Exception {
        AnonymousRole anonymousRole = properties.effectiveAnonymousRole();
        log.info(
                "Requests without an API key may {} (TASKFORGE_ANONYMOUS_ROLE={})",
                anonymousRole == AnonymousRole.VIEWER ? "read, but change nothing" : "reach only the open endpoints",
                anonymousRole.name().toLowerCase(Locale.ROOT));
        return http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, errors), AnonymousAuthenticationFilter.class)
                .addFilterBefore(
                        new LiveTokenAuthenticationFilter(liveTokens, errors), AnonymousAuthenticationFilter.class)
                // still an anonymous user, so a keyless write is answered 401 (a key is needed), not 403
                .anonymous(anonymous -> anonymous.authorities(anonymousRole.authorities()))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(OPEN_ENDPOINTS)
                            .permitAll()
                            .requestMatchers(API_DOCS)
                            .permitAll();
                    if (metrics.open()) {
                        requests.requestMatchers(HttpMethod.GET, METRICS).permitAll();
                    }
                    requests.requestMatchers(HttpMethod.POST, LIVE_TOKEN).hasRole(Role.VIEWER.name());
                    requests.requestMatchers(ADMINISTRATION)
                            .hasRole(Role.ADMIN.name())
                            .requestMatchers(HttpMethod.DELETE, CLEANUP)
                            .hasRole(Role.ADMIN.name())
                            .requestMatchers(HttpMethod.POST, WORKER_POOL_CONTROL)
                            .hasRole(Role.ADMIN.name())
                            .requestMatchers(HttpMethod.POST, WORKER_PROTOCOL)
                            .hasRole(Role.WORKER.name());
                    for (HttpMethod change : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE)) {
                        requests.requestMatchers(change, FALLBACK_CHAINS).hasRole(Role.ADMIN.name());
                    }
                    requests.requestMatchers(HttpMethod.GET, "/**")
                            .hasRole(Role.VIEWER.name())
                            .anyRequest()
                            .hasRole(Role.OPERATOR.name());
                })
                .exceptionHandling(handling -> handling.authenticationEntryPoint(
                                (request, response, denied) -> errors.write(
                                        request,
                                        response,
                                        HttpServletResponse.SC_UNAUTHORIZED,
                                        "unauthorized",
                                        "an API key is required: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'"))
                        .accessDeniedHandler((request, response, denied) -> errors.write(
                                request,
                                response,
                                HttpServletResponse.SC_FORBIDDEN,
                                "forbidden",
                                "this API key's role may not do this")))
                .build();
    }
}
