package io.taskforge.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Asks an engine JVM about itself through {@code jcmd} of the JDK that started it. */
final class JvmDiagnostics {

    private static final Pattern HEAP_USED = Pattern.compile("heap.*?used (\\d+)K");
    private static final Pattern THREAD_CPU = Pattern.compile("(?m)^\"(.+?)\".*? cpu=([0-9.]+)ms");

    private JvmDiagnostics() {}

    /** Heap in use right after a full collection this asks for, in MB; NaN when jcmd fails. */
    static double heapUsedAfterGcMegabytes(long pid) {
        try {
            jcmd(pid, "GC.run");
            Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
            return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : Double.NaN;
        } catch (IOException failed) {
            return Double.NaN;
        }
    }

    /** CPU milliseconds of every live thread by name (carrier threads stand for virtual ones). */
    static Map<String, Double> threadCpuMillis(long pid) {
        Map<String, Double> cpu = new HashMap<>();
        try {
            Matcher thread = THREAD_CPU.matcher(jcmd(pid, "Thread.print"));
            while (thread.find()) {
                cpu.merge(thread.group(1), Double.parseDouble(thread.group(2)), Double::sum);
            }
        } catch (IOException failed) {
            // diagnostics only: the phase's figures do not depend on it
        }
        return cpu;
    }

    private static String jcmd(long pid, String command) throws IOException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IOException("jcmd " + command + " failed: " + out.strip());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", interrupted);
        }
        return out;
    }
}
