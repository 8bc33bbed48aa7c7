package io.taskforge.engine.builtin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskforge.handler.InvalidTaskInputException;
import io.taskforge.task.SecretValues;
import io.taskforge.task.TaskDefinition;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The request an {@code http} task makes, read from its input.
 *
 * <p>The method defaults to POST when a body is given and to GET otherwise; a string body is sent as text, any other
 * body as JSON.
 */
record HttpCall(
        String method, URI url, Map<String, String> headers, byte[] body, String contentType, Duration timeout) {

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    static final long DEFAULT_TIMEOUT_SECONDS = 30;
    static final long MAX_TIMEOUT_SECONDS = 3600;

    /** Long enough for real host names, short enough that {@code host:port} fits a provider name. */
    static final int MAX_HOST_CHARS = TaskDefinition.MAX_NAME_CHARS - ":65535".length();

    static HttpCall parse(Map<String, Object> input, ObjectMapper json) {
        Map<String, Object> values = InputValues.orEmpty(input);
        URI url = url(values.get("url"));
        Object body = values.get("body");
        Map<String, String> headers = headers(url, values.get("headers"));
        long timeoutSeconds =
                InputValues.wholeNumber(values, "timeout_seconds", DEFAULT_TIMEOUT_SECONDS, 1, MAX_TIMEOUT_SECONDS);
        return new HttpCall(
                method(values.get("method"), body != null),
                url,
                headers,
                bytes(body, json),
                body instanceof String ? "text/plain; charset=utf-8" : "application/json",
                Duration.ofSeconds(timeoutSeconds));
    }

    /** The URL's {@code host:port}, or null when the input has no usable URL. */
    static String provider(Map<String, Object> input) {
        try {
            URI url = url(InputValues.orEmpty(input).get("url"));
            return url.getHost().toLowerCase(Locale.ROOT) + ":" + portOf(url);
        } catch (InvalidTaskInputException e) {
            return null;
        }
    }

    /** The request, with the provider's configured headers in place of the task's own of the same names. */
    HttpRequest toRequest(Map<String, String> providerHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout);
        if ("http".equalsIgnoreCase(url.getScheme())) {
            // the client would otherwise offer an h2c upgrade, which some plain-HTTP servers and proxies mishandle
            request.version(HttpClient.Version.HTTP_1_1);
        }
        headers.forEach((name, value) -> {
            if (providerHeaders.keySet().stream().noneMatch(name::equalsIgnoreCase)) {
                request.header(name, value);
            }
        });
        providerHeaders.forEach(request::header);
        if (body == null) {
            return request.method(method, BodyPublishers.noBody()).build();
        }
        if (headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            request.header("Content-Type", contentType);
        }
        return request.method(method, BodyPublishers.ofByteArray(body)).build();
    }

    /**
     * How logs and error messages name this call: method and URL, never headers, and the values of
     * query parameters that look secret redacted.
     */
    String describe() {
        return method + " " + shownUrl();
    }

    String shownUrl() {
        String query = url.getRawQuery();
        if (query == null) {
            return url.toString();
        }
        String shown = Arrays.stream(query.split("&"))
                .map(parameter -> {
                    String name = URLDecoder.decode(parameter.split("=", 2)[0], StandardCharsets.UTF_8);
                    return SecretValues.looksSecret(name)
                            ? parameter.split("=", 2)[0] + "=" + SecretValues.REDACTED
                            : parameter;
                })
                .collect(Collectors.joining("&"));
        return url.toString().replace("?" + query, "?" + shown);
    }

    /**
     * The request a redirect asks for: 303, and 301 or 302 after a POST, turn into a GET without a
     * body, as browsers and Java's client do; a redirect to another origin (scheme, host or port) loses
     * the headers that look like credentials.
     */
    HttpCall redirectedTo(URI next, int status) {
        boolean toGet =
                status == 303 && !method.equals("HEAD") || (status == 301 || status == 302) && method.equals("POST");
        Map<String, String> kept = sameOrigin(next)
                ? headers
                : headers.entrySet().stream()
                        .filter(header -> !SecretValues.looksSecret(header.getKey()))
                        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        return new HttpCall(toGet ? "GET" : method, next, kept, toGet ? null : body, contentType, timeout);
    }

    boolean sameOrigin(URI other) {
        return url.getScheme().equalsIgnoreCase(other.getScheme())
                && url.getHost().equalsIgnoreCase(other.getHost())
                && portOf(url) == portOf(other);
    }

    static int portOf(URI url) {
        return url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    private static URI url(Object value) {
        if (value == null) {
            throw new InvalidTaskInputException("input.url is required");
        }
        URI url;
        try {
            url = value instanceof String text ? new URI(text) : null;
        } catch (URISyntaxException e) {
            url = null;
        }
        String scheme = url == null || url.getScheme() == null ? "" : url.getScheme();
        if (!(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || url.getHost() == null) {
            throw new InvalidTaskInputException("input.url must be an absolute http or https URL with a host");
        }
        if (url.getHost().length() > MAX_HOST_CHARS) {
            throw new InvalidTaskInputException("input.url's host is "
                    + url.getHost().length() + " characters long; at most " + MAX_HOST_CHARS + " are allowed");
        }
        if (url.getRawUserInfo() != null) {
            throw new InvalidTaskInputException("input.url must not carry credentials; send them in input.headers");
        }
        return url;
    }

    private static String method(Object value, boolean hasBody) {
        if (value == null) {
            return hasBody ? "POST" : "GET";
        }
        String method = value instanceof String text ? text.toUpperCase(Locale.ROOT) : "";
        if (!METHODS.contains(method)) {
            throw new InvalidTaskInputException("input.method must be one of " + String.join(", ", METHODS));
        }
        return method;
    }

    private static Map<String, String> headers(URI url, Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> given)) {
            throw new InvalidTaskInputException("input.headers must be an object whose values are strings");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<?, ?> header : given.entrySet()) {
            if (!(header.getValue() instanceof String headerValue)) {
                throw new InvalidTaskInputException("input.headers." + header.getKey() + " must be a string");
            }
            String name = String.valueOf(header.getKey());
            try {
                HttpRequest.newBuilder(url).header(name, headerValue);
            } catch (IllegalArgumentException e) {
                // not the client's message: it quotes the value, which may be a secret
                throw new InvalidTaskInputException(
                        "input.headers." + name
                                + " cannot be sent: the name is restricted or malformed, or the value holds control characters");
            }
            headers.put(name, headerValue);
        }
        return Map.copyOf(headers);
    }

    private static byte[] bytes(Object body, ObjectMapper json) {
        if (body == null) {
            return null;
        }
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new InvalidTaskInputException("input.body cannot be written as JSON: " + e.getOriginalMessage());
        }
    }
}
