package io.taskforge.benchmarks;

import java.util.Locale;

/** Progress and figures, one line each, tagged with the phase they belong to. */
final class Log {

    private Log() {}

    static void line(String phase, String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%s] %s%n", phase, String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
