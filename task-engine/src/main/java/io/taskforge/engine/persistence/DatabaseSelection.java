package io.taskforge.engine.persistence;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns {@code DATABASE_URL} into Spring datasource properties.
 *
 * <p>The value takes the form {@code postgresql://user:password@host:port/database}, as platforms
 * and seed 002 clients write it; a {@code jdbc:} URL is accepted as it is. Without it the
 * {@code spring.datasource.*} settings apply, whose default is the embedded H2 file.
 */
final class DatabaseSelection {

    private DatabaseSelection() {}

    static Map<String, Object> properties(String databaseUrl) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (databaseUrl == null || databaseUrl.isBlank()) {
            return properties;
        }
        String url = databaseUrl.trim();
        if (url.startsWith("jdbc:")) {
            properties.put("spring.datasource.url", url);
            return properties;
        }
        URI uri = URI.create(url);
        String scheme = uri.getScheme();
        if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must look like postgresql://user:password@host:port/database, not " + scheme
                            + "://...");
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        properties.put(
                "spring.datasource.url", "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query);
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            properties.put("spring.datasource.username", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            properties.put("spring.datasource.password", colon < 0 ? "" : decode(userInfo.substring(colon + 1)));
        }
        return properties;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
