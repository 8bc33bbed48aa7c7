package io.taskforge.support;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A Prometheus text scrape, read the way a dashboard query reads it. */
public record PrometheusScrape(String text) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");

    /** The sum of every sample of the metric whose labels include all the given {@code name=value} pairs. */
    public double sum(String metric, String... labels) {
        return text.lines()
                .map(SAMPLE::matcher)
                .filter(Matcher::find)
                .filter(sample -> sample.group(1).equals(metric))
                .filter(sample -> Arrays.stream(labels).allMatch(label -> hasLabel(sample.group(2), label)))
                .mapToDouble(sample -> Double.parseDouble(sample.group(3)))
                .sum();
    }

    /** Every metric name with at least one sample. */
    public Set<String> names() {
        return text.lines()
                .map(SAMPLE::matcher)
                .filter(Matcher::find)
                .map(sample -> sample.group(1))
                .collect(Collectors.toSet());
    }

    private static boolean hasLabel(String labels, String pair) {
        String[] parts = pair.split("=", 2);
        return labels != null && labels.contains(parts[0] + "=\"" + parts[1] + "\"");
    }
}
