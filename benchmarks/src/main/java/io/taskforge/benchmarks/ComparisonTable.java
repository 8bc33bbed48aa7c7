package io.taskforge.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * One markdown table: Taskforge's figures and, when the peers ran, db-scheduler's and JobRunr's
 * beside them (their keys are those of the peers' Harness and Report), Taskforge as a ratio to
 * each, and PostgreSQL's own ceiling.
 */
final class ComparisonTable {

    private static final String NONE = "—";
    private static final List<String> PHASES = List.of("backlog", "drain", "paced", "end_to_end");
    private static final Map<String, String> CPU_ROWS = Map.of(
            "harness", "CPU of the load generator (this harness)",
            "engine", "CPU of the engine JVM",
            "postgres", "CPU of PostgreSQL",
            "other", "CPU of other processes (a shared machine)");
    /** Above this share of busy time, other processes competed enough to move the figures. */
    private static final double SHARED_MACHINE_WARNING = 0.10;

    private final Properties taskforge;
    private final PeerResults peers;

    /** {@code peers} null: Taskforge's column only. */
    ComparisonTable(Properties taskforge, PeerResults peers) {
        this.taskforge = taskforge;
        this.peers = peers;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        header(out);
        columns(out);
        boolean batch = "batch".equals(taskforge.getProperty("backlog_path"));
        row(
                out,
                "schedule rate, batch API, execution off (tasks/s)",
                batch ? int0(num(taskforge, "schedule_rate")) : "n/a (no batch API)",
                p -> int0(num(p, "schedule_rate")),
                batch ? num(taskforge, "schedule_rate") : Double.NaN,
                p -> num(p, "schedule_rate"),
                "");
        row(
                out,
                "single submits over HTTP, " + taskforge.getProperty("submitters", "8")
                        + " client threads, closed loop, execution off (tasks/s)",
                batch ? "not measured (backlog by batch API)" : int0(num(taskforge, "single_submit_rate")),
                null,
                Double.NaN,
                null,
                "");
        row(
                out,
                "execution throughput, first to last completion (executions/s)",
                int0(num(taskforge, "exec_throughput"))
                        + (bool(taskforge, "drain_jvm_cold") ? " (cold JVM)" : "")
                        + (bool(taskforge, "exec_complete") ? "" : " (incomplete)"),
                p -> int0(num(p, "exec_throughput")) + (bool(p, "exec_complete") ? "" : " (incomplete)"),
                num(taskforge, "exec_throughput"),
                p -> num(p, "exec_throughput"),
                "");
        if (peers != null) {
            double tps = num(peers.ceiling(), "pgbench_tps");
            row(
                    out,
                    "execution throughput / pgbench tps",
                    pct(num(taskforge, "exec_throughput") / tps),
                    p -> pct(num(p, "exec_throughput") / tps),
                    Double.NaN,
                    null,
                    "");
        }
        row(
                out,
                "latency run: submit rate, target → achieved (/s), " + taskforge.getProperty("lat_seconds", "?")
                        + " s, half the own throughput",
                rate(taskforge),
                ComparisonTable::rate,
                Double.NaN,
                null,
                "");
        for (String q : List.of("p50", "p95", "p99", "max")) {
            String key = "lat_" + q + "_ms";
            row(
                    out,
                    "submit-to-start " + q + " (ms)",
                    ms(num(taskforge, key)),
                    p -> ms(num(p, key)),
                    num(taskforge, key),
                    p -> num(p, key),
                    "");
        }
        row(
                out,
                "checks, both runs: every task started once and completed",
                taskforgeChecks(),
                ComparisonTable::peerChecks,
                Double.NaN,
                null,
                "");
        taskforgeOnlyRows(out);
        if (peers != null) {
            ceilingRows(out);
        }
        notes(out);
        return out.toString();
    }

    private void taskforgeOnlyRows(StringBuilder out) {
        row(
                out,
                "latency run: HTTP answer to a submit, p50 / p99 (ms)",
                ms(num(taskforge, "http_p50_ms")) + " / " + ms(num(taskforge, "http_p99_ms")),
                null,
                Double.NaN,
                null,
                "");
        row(
                out,
                "latency run: projection lag p99, worst processor per sample; task-view (events / ms)",
                int0(num(taskforge, "lag_p99_events")) + " / " + ms(num(taskforge, "lag_p99_ms")) + "; "
                        + int0(num(taskforge, "lag_task_view_p99_events")) + " / "
                        + ms(num(taskforge, "lag_task_view_p99_ms")),
                null,
                Double.NaN,
                null,
                "");
        row(
                out,
                "after the drain: read side has the last completion, ms later: counters (/tasks/stats) / task-view"
                        + " / every token",
                int0(num(taskforge, "drain_counters_lag_ms")) + " / " + int0(num(taskforge, "drain_task_view_lag_ms"))
                        + " / " + int0(num(taskforge, "drain_tokens_lag_ms")),
                null,
                Double.NaN,
                null,
                "");
        if (taskforge.containsKey("e2e_rate")) {
            row(
                    out,
                    "end to end: " + int0(num(taskforge, "e2e_tasks")) + " tasks from "
                            + taskforge.getProperty("e2e_clients") + " HTTP clients, closed loop,"
                            + " first submit to every projection caught up (tasks/s)",
                    int0(num(taskforge, "e2e_rate"))
                            + (bool(taskforge, "e2e_complete") ? "" : " (" + taskforge.getProperty("e2e_check") + ")"),
                    null,
                    Double.NaN,
                    null,
                    "");
        }
        row(
                out,
                "engine heap used after a full GC: first engine at start → last engine at end (MB)",
                int0(num(taskforge, "heap_warmup_start_mb")) + " → " + int0(num(taskforge, "heap_end_mb")),
                null,
                Double.NaN,
                null,
                "");
        for (String who : List.of("harness", "engine", "postgres", "other")) {
            row(
                    out,
                    CPU_ROWS.get(who) + ", share of the machine's busy time: backlog / drain / latency / end to end",
                    cpuShares(who),
                    null,
                    Double.NaN,
                    null,
                    "");
        }
    }

    /** The share of the machine's busy time {@code who} took in each timed phase. */
    private String cpuShares(String who) {
        List<String> shares = new ArrayList<>();
        for (String phase : PHASES) {
            double seconds = num(taskforge, phase + "_cpu_" + who + "_s");
            double machine = num(taskforge, phase + "_cpu_machine_s");
            if (!Double.isNaN(seconds)) {
                shares.add(pct(seconds / machine));
            }
        }
        return String.join(" / ", shares);
    }

    /** The largest share of busy time that processes other than the harness, engine and PostgreSQL took. */
    private double worstOtherShare() {
        double worst = 0;
        for (String phase : PHASES) {
            double share = num(taskforge, phase + "_cpu_other_s") / num(taskforge, phase + "_cpu_machine_s");
            if (!Double.isNaN(share)) {
                worst = Math.max(worst, share);
            }
        }
        return worst;
    }

    private void ceilingRows(StringBuilder out) {
        Properties ceiling = peers.ceiling();
        row(
                out,
                "pgbench: one 1-row INSERT per transaction, " + ceiling.getProperty("pgbench_clients", "?")
                        + " clients, " + ceiling.getProperty("pgbench_seconds", "?")
                        + " s, synchronous_commit=on (tps)",
                "",
                p -> "",
                Double.NaN,
                null,
                int0(num(ceiling, "pgbench_tps")));
        row(
                out,
                "pg_test_fsync: " + ceiling.getProperty("wal_sync_method", "?") + ", one 8 kB write (ops/s)",
                "",
                p -> "",
                Double.NaN,
                null,
                int0(num(ceiling, "fsync_ops")));
    }

    private void header(StringBuilder out) {
        out.append("## Taskforge throughput")
                .append(peers == null ? "" : " beside db-scheduler and JobRunr")
                .append(", ")
                .append(taskforge.getProperty("date", "?"))
                .append("\n\n");
        out.append("Taskforge ")
                .append(taskforge.getProperty("commit", "?"))
                .append(": N = ")
                .append(int0(num(taskforge, "n")))
                .append(", warm-up ")
                .append(int0(num(taskforge, "warmup")))
                .append(", no-op tasks, ")
                .append(taskforge.getProperty("workers", "?"))
                .append(" workers, engine JVM ")
                .append(taskforge.getProperty("jvm", "?"))
                .append(", Java ")
                .append(taskforge.getProperty("java", "?"))
                .append("; machine ")
                .append(taskforge.getProperty("cores", "?"))
                .append(" cores, PostgreSQL ")
                .append(taskforge.getProperty("pg_version", "?"))
                .append(" (autovacuum ")
                .append(taskforge.getProperty("pg_autovacuum", "?"))
                .append(", synchronous_commit ")
                .append(taskforge.getProperty("pg_synchronous_commit", "?"))
                .append(").\n");
        if (peers != null) {
            out.append("Peers: ")
                    .append(peers.machine().getProperty("date", "?"))
                    .append(", ")
                    .append(peers.dbScheduler().size())
                    .append(" round(s) each; a peer cell with several rounds lists them, its ratio uses their mean.\n");
        }
        out.append('\n');
    }

    private void columns(StringBuilder out) {
        out.append("| figure | Taskforge |");
        if (peers != null) {
            out.append(' ')
                    .append(name("db-scheduler", peers.dbScheduler()))
                    .append(" | ")
                    .append(name("JobRunr", peers.jobRunr()))
                    .append(" | Taskforge ÷ db-scheduler | Taskforge ÷ JobRunr | PostgreSQL alone |");
        }
        out.append("\n|---|---|")
                .append(peers == null ? "" : "---|---|---|---|---|")
                .append('\n');
    }

    private void row(
            StringBuilder out,
            String figure,
            String taskforgeCell,
            Function<Properties, String> peerCell,
            double taskforgeValue,
            ToDoubleFunction<Properties> peerValue,
            String postgresCell) {
        out.append("| ").append(figure).append(" | ").append(taskforgeCell).append(" |");
        if (peers != null) {
            for (List<Properties> runs : List.of(peers.dbScheduler(), peers.jobRunr())) {
                out.append(' ').append(cells(runs, peerCell)).append(" |");
            }
            for (List<Properties> runs : List.of(peers.dbScheduler(), peers.jobRunr())) {
                out.append(' ').append(ratio(taskforgeValue, runs, peerValue)).append(" |");
            }
            out.append(' ').append(postgresCell).append(" |");
        }
        out.append('\n');
    }

    private void notes(StringBuilder out) {
        out.append('\n');
        if (bool(taskforge, "aborted")) {
            out.append("* ABORTED: the Taskforge run was stopped before its end; what it did not reach reads n/a.\n");
        }
        if (worstOtherShare() > SHARED_MACHINE_WARNING) {
            out.append("* "
                    + String.format(
                            Locale.ROOT,
                            "WARNING: other processes took up to %.0f%% of the machine's busy time during a timed phase:"
                                    + " Taskforge's figures are lower than on a quiet machine.\n",
                            100 * worstOtherShare()));
        }
        if (peers != null) {
            out.append("* Ratios are Taskforge ÷ peer: above 1 means more per second for rates and a longer wait for"
                    + " latencies.\n");
        }
        if (bool(taskforge, "drain_jvm_cold")) {
            out.append(
                    "* Taskforge has no runtime pause yet: its backlog went to an engine with AUTO_START_WORKERS=false,"
                            + " and a second engine JVM, started cold (no JIT warm-up, unlike the peers' drain), drained it;"
                            + " the latency and end-to-end runs used that JVM, warm by then.\n");
        }
        if ("true".equals(taskforge.getProperty("vacuum_between_phases"))) {
            out.append("* The server runs without autovacuum: VACUUM ANALYZE ran between Taskforge's phases (the peers"
                    + " reset their schema instead).\n");
        }
        out.append("* Submit-to-start: Taskforge's AttemptStartedEvent time − the client's send instant; the peers'"
                + " task body start − the instant before their submit call.\n");
    }

    private static String cells(List<Properties> runs, Function<Properties, String> cell) {
        if (cell == null) {
            return NONE;
        }
        if (runs.isEmpty()) {
            return "not run";
        }
        List<String> cells = new ArrayList<>();
        runs.forEach(run -> cells.add(cell.apply(run)));
        return String.join(" / ", cells);
    }

    private static String ratio(double taskforgeValue, List<Properties> runs, ToDoubleFunction<Properties> peerValue) {
        if (peerValue == null || Double.isNaN(taskforgeValue) || runs.isEmpty()) {
            return peerValue == null ? "" : "n/a";
        }
        double mean = runs.stream().mapToDouble(peerValue).average().orElse(Double.NaN);
        double ratio = taskforgeValue / mean;
        if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
            return "n/a";
        }
        String format = ratio >= 100 ? "%.0f×" : ratio >= 1 ? "%.1f×" : "%.2g×";
        return String.format(Locale.ROOT, format, ratio);
    }

    private String taskforgeChecks() {
        String drain = taskforge.getProperty("exec_check", "not run");
        String paced = taskforge.getProperty("lat_check", "not run");
        boolean ok = bool(taskforge, "exec_complete") && bool(taskforge, "lat_complete");
        if (ok) {
            return "all " + int0(num(taskforge, "n") + num(taskforge, "lat_count")) + " ok";
        }
        return "drain: " + drain + "; latency: " + paced;
    }

    /** The peers' Report.checks, on the same keys. */
    private static String peerChecks(Properties p) {
        double expected = num(p, "n") + num(p, "lat_count");
        double done = num(p, "exec_done") + num(p, "lat_done");
        double started = num(p, "exec_started") + num(p, "lat_started");
        double failed = num(p, "exec_failed") + num(p, "lat_failed");
        double duplicates = num(p, "exec_duplicates") + num(p, "lat_duplicates");
        String status = p.containsKey("timed_out") ? "TIMED OUT: " : p.containsKey("error") ? "ERROR: " : "";
        if (status.isEmpty() && done == expected && started == expected && failed == 0 && duplicates == 0) {
            return "all " + int0(expected) + " ok";
        }
        return status + int0(started) + " started, " + int0(done) + " completed of " + int0(expected) + ", "
                + int0(failed) + " failed, " + int0(duplicates) + " duplicate starts";
    }

    private static String rate(Properties p) {
        return int0(num(p, "lat_target_rate")) + " → " + int0(num(p, "lat_achieved_rate"));
    }

    private static String name(String peer, List<Properties> runs) {
        return peer + " " + (runs.isEmpty() ? "?" : runs.get(0).getProperty("version", "?"));
    }

    private static double num(Properties p, String key) {
        try {
            return Double.parseDouble(p.getProperty(key, "NaN"));
        } catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
    }

    private static boolean bool(Properties p, String key) {
        return Boolean.parseBoolean(p.getProperty(key, "false"));
    }

    private static String int0(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "n/a" : String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String ms(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }
}
