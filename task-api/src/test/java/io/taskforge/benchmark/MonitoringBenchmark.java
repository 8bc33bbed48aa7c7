package io.taskforge.benchmark;

import io.taskforge.TaskforgeApplication;
import io.taskforge.support.ApiClient;
import io.taskforge.support.TestDatabase;
import io.taskforge.task.RetrySettings;
import io.taskforge.task.TaskCategory;
import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.task.command.CompleteAttemptCommand;
import io.taskforge.task.command.CreateTaskCommand;
import io.taskforge.task.command.FailAttemptCommand;
import io.taskforge.task.command.StartAttemptCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills a fresh PostgreSQL database with many tasks in realistic states (70 % completed, 10 % in
 * the dead letter queue, 5 % running, 15 % pending), then times every monitoring endpoint over
 * real HTTP and prints the query plans behind the hot reads. Run with {@code ./taskforge bench}.
 */
public final class MonitoringBenchmark {

    private static final String KEY = "bench-key";
    private static final int SEED_THREADS = 8;
    private static final int WARM_UP = 50;
    private static final int SAMPLES = Integer.getInteger("samples", 300);

    private MonitoringBenchmark() {}

    public static void main(String[] args) throws Exception {
        int tasks = Integer.getInteger("tasks", 100_000);
        String database = TestDatabase.create();
        try (ConfigurableApplicationContext engine = new SpringApplicationBuilder(TaskforgeApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + database,
                        "--spring.datasource.username=" + TestDatabase.USER,
                        "--spring.datasource.password=" + TestDatabase.PASSWORD,
                        "--taskforge.api-keys=" + KEY + ":admin",
                        "--taskforge.execution.enabled=false",
                        "--taskforge.queue.lease=24h",
                        "--logging.level.root=WARN")) {
            JdbcTemplate jdbc = engine.getBean(JdbcTemplate.class);
            TaskId sample = seed(engine, jdbc, tasks);
            ApiClient api =
                    new ApiClient("http://127.0.0.1:" + engine.getEnvironment().getProperty("local.server.port"), KEY);
            System.out.printf(
                    "%n%-60s %9s %9s %9s%n", "endpoint (" + tasks + " tasks stored)", "median ms", "p95 ms", "max ms");
            for (String path : endpoints(sample)) {
                time(api, path);
            }
            printPlans(jdbc, sample);
        }
    }

    private static List<String> endpoints(TaskId sample) {
        return List.of(
                "/api/v1/tasks?limit=100",
                "/api/v1/tasks?status=pending&limit=100",
                "/api/v1/tasks?status=running&limit=100",
                "/api/v1/tasks/" + sample,
                "/api/v1/tasks/" + sample + "/timeline",
                "/api/v1/tasks/" + sample + "/attempts",
                "/api/v1/tasks/monitoring/health",
                "/api/v1/failed-tasks?status=pending&limit=100",
                "/api/v1/system/tasks/summary",
                "/api/v1/system/tasks",
                "/api/v1/system/tasks/active",
                "/api/v1/system/tasks/failed",
                "/api/v1/system/health",
                "/tasks/stats",
                "/tasks/running",
                "/tasks/pending",
                "/tasks/all?limit=50",
                "/tasks/count/running",
                "/health",
                "/ready");
    }

    /**
     * Creates the tasks through the aggregate, with several threads, while the projections are
     * paused; then lets the projections catch up and reports how fast they replayed the events.
     */
    private static TaskId seed(ConfigurableApplicationContext engine, JdbcTemplate jdbc, int tasks) throws Exception {
        CommandGateway commands = engine.getBean(CommandGateway.class);
        List<StreamingEventProcessor> projections =
                engine.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                        .filter(StreamingEventProcessor.class::isInstance)
                        .map(StreamingEventProcessor.class::cast)
                        .toList();
        projections.forEach(StreamingEventProcessor::shutDown);
        long started = System.nanoTime();
        List<TaskId> ids = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS)) {
            List<Future<TaskId>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                int n = i;
                futures.add(pool.submit(() -> seedOne(commands, n)));
            }
            for (Future<TaskId> future : futures) {
                ids.add(future.get());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long events = count(jdbc, "SELECT count(*) FROM domain_event_entry");
        System.out.printf(
                "seeded %d tasks (%d events) in %.1f s with the projections paused: %.0f tasks/s, %.0f events/s%n",
                tasks, events, seconds, tasks / seconds, events / seconds);
        long waitStart = System.nanoTime();
        projections.forEach(StreamingEventProcessor::start);
        while (count(jdbc, "SELECT count(*) FROM task_view") < tasks
                || count(jdbc, "SELECT tasks FROM task_count WHERE counter = 'CREATED'") < tasks
                || count(jdbc, "SELECT count(*) FROM dlq_entry") < tasks / 10
                || count(jdbc, "SELECT count(*) FROM task_timeline") < events) {
            Thread.sleep(500);
        }
        double catchUp = (System.nanoTime() - waitStart) / 1e9;
        System.out.printf(
                "%d projections caught up in %.1f s: %.0f events/s through each%n",
                projections.size(), catchUp, events / catchUp);
        Thread.sleep(Duration.ofSeconds(2));
        return ids.get(tasks / 2 - ((tasks / 2) % 100) + 75);
    }

    private static TaskId seedOne(CommandGateway commands, int n) {
        TaskId id = TaskId.random();
        var definition = new TaskDefinition(
                "noop",
                TaskCategory.values()[n % TaskCategory.values().length],
                "benchmark task " + n,
                Map.of("n", n),
                Map.of("kind", n % 2 == 0 ? "payment" : "report", "amount", n % 300),
                "provider-" + (n % 5),
                n % 3,
                1800,
                RetrySettings.DEFAULT,
                "owner-" + (n % 50),
                "benchmark",
                "problem-" + (n % 1000),
                null);
        commands.sendAndWait(new CreateTaskCommand(id, definition));
        int bucket = n % 100;
        if (bucket < 85) {
            commands.sendAndWait(new StartAttemptCommand(id, 1, "bench-worker-" + (n % 8)));
        }
        if (bucket < 70) {
            commands.sendAndWait(new CompleteAttemptCommand(id, 1, Map.of("n", n)));
        } else if (bucket < 80) {
            commands.sendAndWait(FailAttemptCommand.of(id, 1, new TaskError("http_error", "rejected", 400)));
        }
        return id;
    }

    private static void time(ApiClient api, String path) {
        for (int i = 0; i < WARM_UP; i++) {
            check(api, path);
        }
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            check(api, path);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "%-60s %9.2f %9.2f %9.2f%n",
                path, nanos[SAMPLES / 2] / 1e6, nanos[(int) (SAMPLES * 0.95)] / 1e6, nanos[SAMPLES - 1] / 1e6);
    }

    private static void check(ApiClient api, String path) {
        int status = api.get(path).status();
        if (status != 200 && status != 503) {
            throw new IllegalStateException(path + " answered " + status);
        }
    }

    private static void printPlans(JdbcTemplate jdbc, TaskId sample) {
        Map<String, String> queries = Map.of(
                "newest tasks",
                "SELECT * FROM task_view WHERE NOT archived ORDER BY created_at DESC, task_id DESC LIMIT 100",
                "tasks by status",
                "SELECT * FROM task_view WHERE status IN ('PENDING') AND NOT archived"
                        + " ORDER BY created_at DESC, task_id DESC LIMIT 100",
                "task by id",
                "SELECT * FROM task_view WHERE task_id = '" + sample + "'",
                "timeline of a task",
                "SELECT * FROM task_timeline WHERE task_id = '" + sample + "' ORDER BY sequence",
                "dead letter queue",
                "SELECT * FROM dlq_entry WHERE status = 'pending' ORDER BY moved_at DESC, task_id LIMIT 100",
                "counts",
                "SELECT counter, tasks FROM task_count");
        queries.forEach((name, sql) -> {
            System.out.printf("%n-- %s: %s%n", name, sql);
            jdbc.queryForList("EXPLAIN (ANALYZE, COSTS OFF) " + sql, String.class)
                    .forEach(line -> System.out.println("   " + line));
        });
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long value = jdbc.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }
}
