package io.taskforge.benchmarks;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Where an engine's CPU went between two thread dumps, by thread group (the name with its trailing
 * number dropped, so the 16 workers or the ForkJoinPool carriers of the virtual threads add up).
 */
final class ThreadCpuBreakdown {

    private final Map<String, Double> millisByGroup;
    private final double totalMillis;

    private ThreadCpuBreakdown(Map<String, Double> millisByGroup) {
        this.millisByGroup = millisByGroup;
        this.totalMillis =
                millisByGroup.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    static ThreadCpuBreakdown between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> groups = new HashMap<>();
        after.forEach((thread, millis) -> {
            double spent = millis - before.getOrDefault(thread, 0.0);
            if (spent > 0) {
                groups.merge(thread.replaceAll("\\d+$", "*"), spent, Double::sum);
            }
        });
        return new ThreadCpuBreakdown(groups);
    }

    /** The {@code limit} busiest groups, with their share of the threads' total. */
    String top(int limit) {
        if (millisByGroup.isEmpty()) {
            return "no thread dump";
        }
        StringJoiner line = new StringJoiner(", ");
        millisByGroup.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(limit)
                .forEach(group -> line.add(String.format(
                        Locale.ROOT,
                        "%s %.1f s (%.0f%%)",
                        group.getKey(),
                        group.getValue() / 1e3,
                        100 * group.getValue() / totalMillis)));
        return line.toString();
    }
}
