package io.taskforge.benchmark;

import io.taskforge.TaskforgeApplication;
import io.taskforge.engine.numbering.TaskNumbers;
import io.taskforge.support.TestDatabase;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills PostgreSQL with many tasks in realistic states, times every monitoring endpoint over real
 * HTTP, measures submissions while the projections run live, and prints the query plans behind the
 * reads. Run with {@code ./taskforge bench}; {@code -Dtasks}, {@code -Dsamples}, {@code -Dwrites}
 * and {@code -Ddatabase} (keep a seeded database for later runs) tune it.
 */
public final class MonitoringBenchmark {

    private static final String KEY = "bench-key";

    private MonitoringBenchmark() {}

    public static void main(String[] args) {
        try {
            run();
        } catch (Exception | Error failure) {
            failure.printStackTrace();
            System.exit(1);
        }
        // Axon leaves a non-daemon janitor thread behind, which would keep exec:java waiting forever
        System.exit(0);
    }

    private static void run() throws Exception {
        int tasks = Integer.getInteger("tasks", 100_000);
        int samples = Integer.getInteger("samples", 300);
        int writes = Integer.getInteger("writes", 2_000);
        BenchmarkDatabase database = BenchmarkDatabase.fromSystemProperties();
        try (ConfigurableApplicationContext engine = start(database)) {
            JdbcTemplate jdbc = engine.getBean(JdbcTemplate.class);
            Projections projections = new Projections(engine);
            seed(engine, jdbc, projections, tasks);
            vacuum(jdbc);
            String sample = sampleTask(jdbc);
            String baseUrl = "http://127.0.0.1:" + engine.getEnvironment().getProperty("local.server.port");
            printMachine(jdbc);
            timeEndpoints(new EndpointTimer(baseUrl, KEY, samples), sample);
            measureLiveWrites(new LiveWrites(baseUrl, KEY), projections, writes);
            new QueryPlans(jdbc).print(sample);
        }
        if (database.kept()) {
            System.out.printf("%nthe database is kept: %s%n", database.url());
        }
    }

    private static ConfigurableApplicationContext start(BenchmarkDatabase database) {
        return new SpringApplicationBuilder(TaskforgeApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + TestDatabase.USER,
                        "--spring.datasource.password=" + TestDatabase.PASSWORD,
                        "--taskforge.api-keys=" + KEY + ":admin",
                        // the stored tasks keep their states: nothing runs them and no lease lapses
                        "--taskforge.execution.enabled=false",
                        "--taskforge.queue.lease=24h",
                        "--logging.level.root=WARN");
    }

    /** Adds tasks, with the projections paused, until {@code tasks} are stored; then times their catch-up. */
    private static void seed(
            ConfigurableApplicationContext engine, JdbcTemplate jdbc, Projections projections, int tasks)
            throws Exception {
        int missing = tasks - count(jdbc, "SELECT count(*) FROM task_view");
        if (missing <= 0) {
            System.out.printf("%d tasks are already stored: nothing to seed%n", tasks - missing);
            return;
        }
        projections.pause();
        long eventsBefore = count(jdbc, "SELECT count(*) FROM domain_event_entry");
        long started = System.nanoTime();
        new TaskSeeder(engine.getBean(CommandGateway.class), engine.getBean(TaskNumbers.class)).seed(missing);
        double seconds = (System.nanoTime() - started) / 1e9;
        long events = count(jdbc, "SELECT count(*) FROM domain_event_entry") - eventsBefore;
        System.out.printf(
                "seeded %d tasks (%d events) in %.1f s with the projections paused: %.0f tasks/s, %.0f events/s%n",
                missing, events, seconds, missing / seconds, events / seconds);
        long catchUpStart = System.nanoTime();
        projections.resume();
        projections.awaitHead();
        double catchUp = (System.nanoTime() - catchUpStart) / 1e9;
        System.out.printf(
                "%d projections caught up in %.1f s: %.0f events/s through each%n",
                projections.size(), catchUp, events / catchUp);
    }

    /**
     * What autovacuum does in the background on a production server (this machine's PostgreSQL
     * runs without it): clears the dead rows the seeding left and refreshes the planner statistics.
     */
    private static void vacuum(JdbcTemplate jdbc) {
        long started = System.nanoTime();
        jdbc.execute("VACUUM ANALYZE");
        System.out.printf("VACUUM ANALYZE took %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** A task that went to the dead letter queue: it has the longest timeline and a failed attempt. */
    private static String sampleTask(JdbcTemplate jdbc) {
        return jdbc.queryForObject(
                "SELECT task_id FROM task_view WHERE status = 'FAILED' ORDER BY task_id LIMIT 1", String.class);
    }

    private static void printMachine(JdbcTemplate jdbc) {
        var os = ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(
                "%nmachine: %d cores, load average %.2f, Java %s, %s%n",
                os.getAvailableProcessors(),
                os.getSystemLoadAverage(),
                Runtime.version(),
                jdbc.queryForObject("SELECT version()", String.class));
    }

    private static void timeEndpoints(EndpointTimer timer, String sample) throws Exception {
        System.out.printf("%n%-55s %9s %9s %9s%n", "endpoint", "median ms", "p95 ms", "max ms");
        for (String path : endpoints(sample)) {
            Latencies latencies = timer.time(path);
            System.out.printf(
                    "%-55s %9.2f %9.2f %9.2f%n",
                    path, latencies.medianMillis(), latencies.p95Millis(), latencies.maxMillis());
        }
    }

    private static void measureLiveWrites(LiveWrites writes, Projections projections, int tasks) throws Exception {
        long started = System.nanoTime();
        Latencies latencies = writes.submit(tasks);
        double seconds = (System.nanoTime() - started) / 1e9;
        projections.awaitHead();
        double settled = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "%nsubmitted %d tasks over HTTP with %d projections live in %.1f s: %.0f tasks/s;"
                        + " submission median %.2f ms, p95 %.2f ms; every projection at the head after %.1f s%n",
                tasks,
                projections.size(),
                seconds,
                tasks / seconds,
                latencies.medianMillis(),
                latencies.p95Millis(),
                settled);
    }

    private static List<String> endpoints(String sample) {
        return List.of(
                "/api/v1/tasks?limit=100",
                "/api/v1/tasks?status=pending&limit=100",
                "/api/v1/tasks?status=running&limit=100",
                "/api/v1/tasks/" + sample,
                "/api/v1/tasks/" + sample + "/timeline",
                "/api/v1/tasks/" + sample + "/attempts",
                "/api/v1/tasks/" + sample + "/logs",
                "/api/v1/tasks/monitoring/health",
                "/api/v1/failed-tasks?status=pending&limit=100",
                "/api/v1/system/tasks/summary",
                "/api/v1/system/tasks",
                "/api/v1/system/tasks/active",
                "/api/v1/system/tasks/active?limit=1000",
                "/api/v1/system/tasks/failed",
                "/api/v1/system/health",
                "/tasks/stats",
                "/tasks/running",
                "/tasks/pending",
                "/tasks/all?limit=50",
                "/tasks/count/running",
                "/tasks/" + sample,
                "/health",
                "/ready",
                "/metrics");
    }

    private static int count(JdbcTemplate jdbc, String sql) {
        Integer value = jdbc.queryForObject(sql, Integer.class);
        return value == null ? 0 : value;
    }
}
