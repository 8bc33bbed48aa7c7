package io.taskforge.benchmarks;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The projection lag seen while sampling: for the worst processor of each sample and per processor.
 *
 * @param samples how many times the tokens were read
 * @param failure the last sampling error, null when every sample succeeded
 */
record ProjectionLag(
        int samples,
        Percentiles worstEvents,
        Percentiles worstTime,
        Map<String, Percentiles> eventsByProcessor,
        Map<String, Percentiles> timeByProcessor,
        String failure) {

    /** As {@code prefix_p99_events} and the like; per processor as {@code prefix_task_view_p99_ms}. */
    void record(Results results, String prefix) {
        results.put(prefix + "_samples", samples);
        results.put(prefix + "_p99_events", worstEvents.value(0.99));
        results.put(prefix + "_p99_ms", worstTime.millis(0.99));
        results.put(prefix + "_max_events", worstEvents.max());
        results.put(prefix + "_max_ms", worstTime.maxMillis());
        eventsByProcessor.forEach((name, behind) -> {
            String key = prefix + "_" + name.replace('-', '_');
            results.put(key + "_p99_events", behind.value(0.99));
            results.put(key + "_p99_ms", timeByProcessor.get(name).millis(0.99));
        });
    }

    /** One line per processor: p99 and max, in events and milliseconds. */
    String perProcessor() {
        StringJoiner lines = new StringJoiner("\n");
        eventsByProcessor.forEach((name, behind) -> {
            Percentiles time = timeByProcessor.get(name);
            lines.add(String.format(
                    Locale.ROOT,
                    "  %-16s p99 %5d events / %7.0f ms, max %5d events / %7.0f ms",
                    name,
                    behind.value(0.99),
                    time.millis(0.99),
                    behind.max(),
                    time.maxMillis()));
        });
        return lines.toString();
    }
}
