package io.taskforge.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.support.ApiClient;
import io.taskforge.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Kills the engine with SIGKILL while tasks run, starts a new one on the same database, and checks
 * that every task still completes, none is lost, and none succeeds twice.
 */
class CrashRecoveryIT {

    private static final String KEY = "crash-key";
    private static final String TASKS = "/api/v1/tasks";
    private static final int TASK_COUNT = 40;
    private static final String EVENT_PACKAGE = "io.taskforge.task.event.";

    @Test
    void a_killed_engine_loses_no_task_and_completes_none_twice() throws Exception {
        String database = TestDatabase.create();
        String problem = "crash-" + UUID.randomUUID();
        Engine first = Engine.start(database, "first");
        ApiClient api = first.client();
        try {
            for (int i = 0; i < TASK_COUNT; i++) {
                var body = Map.of("type", "sleep", "problem_id", problem, "input", Map.of("millis", 6_000, "steps", 3));
                assertThat(api.post(TASKS, body).status()).isIn(201, 202);
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> count(api, problem, "running") >= 6);
        } finally {
            first.process().destroyForcibly().waitFor();
        }

        Engine second = Engine.start(database, "second");
        try {
            ApiClient restarted = second.client();
            List<JsonNode> finished = await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(
                            () -> tasks(restarted, problem),
                            listed -> listed.stream()
                                            .filter(task ->
                                                    !task.path("finished_at").isNull())
                                            .count()
                                    == TASK_COUNT);
            assertThat(finished)
                    .as("tasks that did not complete")
                    .filteredOn(task -> !task.path("status").asText().equals("completed"))
                    .isEmpty();
        } finally {
            second.process().destroy();
            second.process().waitFor();
        }

        try (Connection connection = DriverManager.getConnection(database, TestDatabase.USER, TestDatabase.PASSWORD)) {
            assertThat(tasksWithMoreThanOne(connection, "AttemptSucceededEvent"))
                    .isZero();
            assertThat(tasksWith(connection, "TaskCompletedEvent")).isEqualTo(TASK_COUNT);
            assertThat(tasksWith(connection, "TaskCreatedEvent")).isEqualTo(TASK_COUNT);
            assertThat(tasksWith(connection, "AttemptFailedEvent"))
                    .as("attempts cut off by the kill were timed out and retried")
                    .isPositive();
        }
    }

    /** An engine in a JVM of its own, which the test can kill. */
    private record Engine(Process process, int port) {

        static Engine start(String database, String name) throws IOException {
            int port = freePort();
            Path logFile = Files.createTempFile("taskforge-" + name, ".log");
            Process process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Daxoniq.update-checker.disabled=true",
                            "-jar",
                            engineJar().toString(),
                            "--server.port=" + port,
                            "--spring.datasource.url=" + database,
                            "--spring.datasource.username=" + TestDatabase.USER,
                            "--spring.datasource.password=" + TestDatabase.PASSWORD,
                            "--taskforge.api-keys=" + KEY + ":admin",
                            "--taskforge.queue.lease=3s",
                            "--taskforge.execution.workers=8",
                            "--taskforge.execution.heartbeat-interval=500ms",
                            "--taskforge.execution.sweep-interval=500ms",
                            "--taskforge.tasks.base-delay-ms=200")
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            Engine engine = new Engine(process, port);
            ApiClient anonymous = new ApiClient(engine.baseUrl(), null);
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> {
                        assertThat(process.isAlive())
                                .as("engine %s exited; see %s", name, logFile)
                                .isTrue();
                        return anonymous.get("/actuator/health").status() == 200;
                    });
            return engine;
        }

        ApiClient client() {
            return new ApiClient(baseUrl(), KEY);
        }

        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }
    }

    private static long count(ApiClient api, String problem, String status) {
        return tasks(api, problem).stream()
                .filter(task -> task.path("status").asText().equals(status))
                .count();
    }

    private static List<JsonNode> tasks(ApiClient api, String problem) {
        JsonNode tasks =
                api.get(TASKS + "?problem_id=" + problem + "&limit=1000").body();
        return StreamSupport.stream(tasks.spliterator(), false).toList();
    }

    private static int tasksWith(Connection connection, String event) throws SQLException {
        return single(
                connection,
                "SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry WHERE payload_type = '"
                        + EVENT_PACKAGE + event + "'");
    }

    private static int tasksWithMoreThanOne(Connection connection, String event) throws SQLException {
        return single(
                connection,
                "SELECT count(*) FROM (SELECT aggregate_identifier FROM domain_event_entry WHERE payload_type = '"
                        + EVENT_PACKAGE + event + "' GROUP BY aggregate_identifier HAVING count(*) > 1) twice");
    }

    private static int single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }

    private static Path engineJar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            List<Path> jars = new ArrayList<>(
                    files.filter(path -> path.getFileName().toString().matches("task-api-.*\\.jar"))
                            .toList());
            assertThat(jars).as("the packaged engine in target/").hasSize(1);
            return jars.getFirst();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
