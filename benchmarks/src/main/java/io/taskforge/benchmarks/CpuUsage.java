package io.taskforge.benchmarks;

import java.util.Locale;

/** CPU seconds spent during one phase by the load generator, the engine, PostgreSQL and everything else. */
record CpuUsage(
        double wallSeconds,
        double harnessSeconds,
        double engineSeconds,
        double postgresSeconds,
        double machineSeconds,
        int cores) {

    /** The machine's busy time less the three above: the kernel's own work and any other process. */
    double otherSeconds() {
        return Math.max(0, machineSeconds - harnessSeconds - engineSeconds - postgresSeconds);
    }

    double harnessShareOfMachine() {
        return machineSeconds > 0 ? harnessSeconds / machineSeconds : Double.NaN;
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "%.1f s wall, machine busy %.0f%% of %d cores; CPU s (share of busy time): harness %.1f (%.0f%%),"
                        + " engine %.1f (%.0f%%), PostgreSQL %.1f (%.0f%%), other %.1f (%.0f%%)",
                wallSeconds,
                100 * machineSeconds / (wallSeconds * cores),
                cores,
                harnessSeconds,
                share(harnessSeconds),
                engineSeconds,
                share(engineSeconds),
                postgresSeconds,
                share(postgresSeconds),
                otherSeconds(),
                share(otherSeconds()));
    }

    void record(Results results, String phase) {
        results.put(phase + "_wall_s", wallSeconds);
        results.put(phase + "_cpu_harness_s", harnessSeconds);
        results.put(phase + "_cpu_engine_s", engineSeconds);
        results.put(phase + "_cpu_postgres_s", postgresSeconds);
        results.put(phase + "_cpu_other_s", otherSeconds());
        results.put(phase + "_cpu_machine_s", machineSeconds);
    }

    private double share(double seconds) {
        return machineSeconds > 0 ? 100 * seconds / machineSeconds : Double.NaN;
    }
}
