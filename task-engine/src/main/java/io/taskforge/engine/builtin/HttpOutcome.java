package io.taskforge.engine.builtin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskforge.handler.PermanentTaskException;
import io.taskforge.handler.RetryableTaskException;
import io.taskforge.handler.TaskFailureException;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns an HTTP answer into a task result or failure.
 *
 * <p>2xx succeed; 5xx, 408 and 429 are worth retrying; anything else (other 4xx, and a redirect the client did not
 * follow) is not.
 */
final class HttpOutcome {

    static final int MAX_BODY_BYTES = 1024 * 1024;
    static final int MAX_TEXT_CHARS = 64 * 1024;
    static final int MAX_MESSAGE_BODY_CHARS = 200;

    /** Session cookies are credentials: a task's result is shown to every viewer. */
    private static final Set<String> HIDDEN_HEADERS = Set.of("set-cookie", "set-cookie2");

    private HttpOutcome() {}

    static Map<String, Object> of(
            HttpCall call, HttpResponse<BoundedBodySubscriber.Body> response, Instant now, ObjectMapper json)
            throws TaskFailureException {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return result(response, json);
        }
        String text = text(response).replaceAll("\\s+", " ").strip();
        String message = call.describe() + " answered " + status
                + (text.isEmpty() ? "" : ": " + truncate(text, MAX_MESSAGE_BODY_CHARS));
        if (status >= 500 || status == 408 || status == 429) {
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            throw new RetryableTaskException("http_error", message, status, RetryAfter.parse(retryAfter, now));
        }
        throw new PermanentTaskException("http_error", message, status);
    }

    private static Map<String, Object> result(HttpResponse<BoundedBodySubscriber.Body> response, ObjectMapper json) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", response.statusCode());
        result.put("headers", firstValues(response.headers()));
        BoundedBodySubscriber.Body body = response.body();
        if (body.bytes().length == 0) {
            result.put("body", null);
        } else if (isJson(response) && !body.truncated()) {
            result.put("body", jsonOrText(response, json));
        } else {
            String text = text(response);
            result.put("body", truncate(text, MAX_TEXT_CHARS));
            if (body.truncated() || text.length() > MAX_TEXT_CHARS) {
                result.put("body_truncated", true);
            }
        }
        return result;
    }

    private static Object jsonOrText(HttpResponse<BoundedBodySubscriber.Body> response, ObjectMapper json) {
        try {
            return json.readValue(response.body().bytes(), Object.class);
        } catch (IOException e) {
            return truncate(text(response), MAX_TEXT_CHARS);
        }
    }

    private static Map<String, String> firstValues(HttpHeaders headers) {
        Map<String, String> values = new TreeMap<>();
        headers.map().forEach((name, list) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (!list.isEmpty() && !HIDDEN_HEADERS.contains(key) && !key.startsWith(":")) {
                values.putIfAbsent(key, list.getFirst());
            }
        });
        return values;
    }

    private static boolean isJson(HttpResponse<?> response) {
        String mediaType = mediaType(response);
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static String mediaType(HttpResponse<?> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private static String text(HttpResponse<BoundedBodySubscriber.Body> response) {
        return new String(response.body().bytes(), charset(response));
    }

    private static Charset charset(HttpResponse<?> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                try {
                    return Charset.forName(pair[1].strip().replace("\"", ""));
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String truncate(String text, int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, maxChars);
    }
}
