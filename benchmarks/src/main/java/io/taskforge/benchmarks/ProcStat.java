package io.taskforge.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** CPU time from Linux's /proc, converted from clock ticks to nanoseconds. */
final class ProcStat {

    private static final long NANOS_PER_TICK = 1_000_000_000L / clockTicksPerSecond();

    private ProcStat() {}

    /** user + system time of a process, 0 when it has gone. */
    static long processCpuNanos(long pid) {
        try {
            return cpuNanos(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** CPU time of every PostgreSQL server process on this machine (postmaster, backends, workers), by pid. */
    static Map<Long, Long> postgresCpuNanosByPid() {
        Map<Long, Long> cpu = new HashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    String command = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (command.equals("postgres") || command.startsWith("postgres:")) {
                        cpu.put(Long.parseLong(process.getFileName().toString()), cpuNanos(stat));
                    }
                } catch (IOException | RuntimeException gone) {
                    // ended while listed
                }
            }
        } catch (IOException unreadable) {
            return Map.of();
        }
        return cpu;
    }

    /** Busy time of all cores together since boot: everything but idle and I/O wait. */
    static long machineBusyNanos() {
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int field = 1; field < Math.min(cpu.length, 9); field++) {
                if (field != 4 && field != 5) {
                    busy += Long.parseLong(cpu[field]);
                }
            }
            return busy * NANOS_PER_TICK;
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
    }

    /** The harness's own CPU time: every thread of this JVM (under exec:java, Maven's too, idle by then). */
    static long harnessCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long cpuNanos(String stat) {
        // the command name, in parentheses, may contain spaces: count the fields after it
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return (utime + stime) * NANOS_PER_TICK;
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException unknown) {
            return 100;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
