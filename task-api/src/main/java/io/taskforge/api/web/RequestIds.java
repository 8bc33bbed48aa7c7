package io.taskforge.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Request ids: taken from the caller's {@code X-Request-ID} when sane, otherwise made up. */
public final class RequestIds {

    public static final String HEADER = "X-Request-ID";
    static final String ATTRIBUTE = RequestIds.class.getName();
    private static final int MAX_LENGTH = 128;

    private RequestIds() {}

    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? assign(request) : id.toString();
    }

    static String assign(HttpServletRequest request) {
        String given = request.getHeader(HEADER);
        String id = given != null
                        && !given.isBlank()
                        && given.length() <= MAX_LENGTH
                        && given.chars().allMatch(RequestIds::safe)
                ? given
                : "req_"
                        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }

    private static boolean safe(int c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
    }
}
