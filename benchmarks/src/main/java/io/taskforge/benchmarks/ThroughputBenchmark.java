package io.taskforge.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

/**
 * Measures Taskforge with the peers' workload (../shared/peers/README.md): warm-up, a backlog of N
 * no-op tasks stored with execution off then drained, single submits paced open-loop at half the
 * drain rate, and end to end from HTTP clients; with {@code -Dpeers=true} it then runs the peers
 * and prints one table with all three. Run with {@code ./taskforge bench-throughput}.
 */
public final class ThroughputBenchmark {

    private ThroughputBenchmark() {}

    public static void main(String[] args) {
        int status = 0;
        try {
            run(BenchmarkSettings.fromSystemProperties());
        } catch (Exception | Error failure) {
            failure.printStackTrace();
            status = 1;
        }
        // exec:java would otherwise wait for the HTTP client's and JDBC's threads
        System.exit(status);
    }

    private static void run(BenchmarkSettings settings) throws Exception {
        Properties taskforge;
        if (settings.measure()) {
            Results results = new Results();
            try {
                measure(settings, results);
            } finally {
                // what was measured before a failure is still worth reading
                results.write(settings.taskforgeResults());
            }
            taskforge = results.asProperties();
        } else {
            taskforge = Results.read(settings.taskforgeResults());
            if (taskforge.isEmpty()) {
                throw new IOException("-Dmeasure=false but no results at " + settings.taskforgeResults());
            }
        }
        PeerResults peers =
                switch (settings.peers()) {
                    case NONE -> null;
                    case RUN -> {
                        PeerRun.run(settings);
                        yield PeerResults.read(settings.peersResults());
                    }
                    case EXISTING -> PeerResults.read(settings.peersResults());
                };
        String table = new ComparisonTable(taskforge, peers).render();
        Path summary = settings.resultsDir().resolve(peers == null ? "summary.md" : "combined.md");
        Files.createDirectories(summary.getParent());
        Files.writeString(summary, table, StandardCharsets.UTF_8);
        System.out.println();
        System.out.print(table);
        System.out.println();
        System.out.println("(also in " + settings.root().relativize(summary) + "; figures in "
                + settings.root().relativize(settings.taskforgeResults()) + ")");
    }

    private static void measure(BenchmarkSettings settings, Results results) throws Exception {
        try (FreshDatabase database = FreshDatabase.create(settings);
                Connection connection = database.connect()) {
            boolean vacuum = settings.vacuumBetweenPhases() != null
                    ? settings.vacuumBetweenPhases()
                    : "off".equals(database.setting("autovacuum"));
            describeRun(settings, database, results, vacuum);
            var run = new RunContext(
                    settings, database, new EventStore(connection), new ProjectionTokens(connection), results, vacuum);
            var launcher = new EngineLauncher(settings, database);
            Thread onAbort = cleanUpOnAbort(settings, launcher, results, database);
            Runtime.getRuntime().addShutdownHook(onAbort);
            EngineProcess engine = launcher.launch("warm-up", true);
            try {
                ExecutionSwitch execution = engine.client().hasPoolControl()
                        ? new PoolExecutionSwitch()
                        : new RestartingExecutionSwitch(launcher);
                results.put("execution_switch", execution.description());
                Log.line("run", "execution off: %s", execution.description());
                boolean batchApi = engine.client().hasBatchApi();
                results.put("batch_api", batchApi);
                Log.line(
                        "run",
                        "batch API (POST /api/v1/tasks/batch): %s",
                        batchApi ? "present, batches of " + settings.batchSize() : "n/a (no batch API)");
                new WarmUpPhase(run).run(engine, batchApi);
                engine = execution.executionOff(engine);
                Backlog backlog = new BacklogPhase(run).run(engine, batchApi);
                run.vacuumBefore("drain");
                var drained = new DrainPhase(run).run(execution, engine, backlog);
                engine = drained.engine();
                new PacedPhase(run).run(engine, drained.throughput());
                new EndToEndPhase(run).run(engine);
                run.sampleHeap(engine, "end");
            } finally {
                engine.close();
            }
            Runtime.getRuntime().removeShutdownHook(onAbort);
        }
    }

    /** A run stopped by a signal must not leave engines running or its database behind on a shared machine. */
    private static Thread cleanUpOnAbort(
            BenchmarkSettings settings, EngineLauncher launcher, Results results, FreshDatabase database) {
        return new Thread(
                () -> {
                    System.out.println("[run] stopped from outside: stopping the engines, keeping what was measured");
                    launcher.stopAll();
                    results.put("aborted", true);
                    try {
                        results.write(settings.taskforgeResults());
                        database.close();
                    } catch (Exception failed) {
                        failed.printStackTrace();
                    }
                },
                "clean-up-on-abort");
    }

    private static void describeRun(BenchmarkSettings settings, FreshDatabase database, Results results, boolean vacuum)
            throws Exception {
        results.put("date", ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")));
        results.put("commit", commit(settings.root()));
        results.put("n", settings.tasks());
        results.put("warmup", settings.warmup());
        results.put("workers", settings.workers());
        results.put("submitters", settings.submitters());
        results.put("jvm", String.join(" ", settings.jvmOptions()));
        results.put("java", System.getProperty("java.version") + " " + System.getProperty("java.vm.name"));
        results.put("cores", ProcStat.cores());
        results.put(
                "load_average_at_start",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        results.put("pg_version", database.serverVersion());
        results.put("pg_autovacuum", database.setting("autovacuum"));
        results.put("pg_synchronous_commit", database.setting("synchronous_commit"));
        results.put("database", database.name());
        results.put("vacuum_between_phases", vacuum);
        Log.line(
                "run",
                "Taskforge %s, N=%,d warm-up=%,d paced=%d s e2e=%,d; %d cores (load average %.2f), Java %s,"
                        + " PostgreSQL %s (autovacuum %s, synchronous_commit %s), database %s",
                commit(settings.root()),
                settings.tasks(),
                settings.warmup(),
                settings.pacedSeconds(),
                settings.endToEndTasks(),
                ProcStat.cores(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version"),
                database.serverVersion(),
                database.setting("autovacuum"),
                database.setting("synchronous_commit"),
                database.name());
    }

    private static String commit(Path root) {
        try {
            Process git = new ProcessBuilder("git", "-C", root.toString(), "describe", "--always", "--dirty")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? out : "?";
        } catch (IOException failed) {
            return "?";
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
