package io.taskforge.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The figures of one run as key=value lines, in the order measured; the keys that mean the same as
 * the peers' (Harness.java) have the same names.
 */
final class Results {

    private final Map<String, String> values = new LinkedHashMap<>();

    synchronized void put(String key, Object value) {
        values.put(key, value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(value));
    }

    synchronized void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<String> lines = new ArrayList<>();
        values.forEach((key, value) -> lines.add(key + "=" + escape(value)));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    synchronized Properties asProperties() {
        Properties properties = new Properties();
        properties.putAll(values);
        return properties;
    }

    static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        return properties;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
