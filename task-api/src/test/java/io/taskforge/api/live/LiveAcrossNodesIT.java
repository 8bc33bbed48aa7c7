package io.taskforge.api.live;

import static io.taskforge.api.live.LiveWebSocketIT.ofTask;
import static io.taskforge.api.live.LiveWebSocketIT.sequences;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.taskforge.TaskforgeApplication;
import io.taskforge.engine.execution.WorkerIdentity;
import io.taskforge.support.ApiClient;
import io.taskforge.support.LiveClient;
import io.taskforge.support.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two engines on one PostgreSQL database: a client connected to the node that runs nothing sees the
 * tasks the other node runs, and a client that stops reading is skipped ahead or dropped while the
 * engine and the other clients go on as if it were not there.
 */
class LiveAcrossNodesIT {

    private static final String KEY = "nodes-key";
    private static final int BUFFER = 500;

    private static ConfigurableApplicationContext watcher;
    private static ConfigurableApplicationContext runner;

    @BeforeAll
    static void startTwoNodes() {
        String url = TestDatabase.create();
        watcher = start(url, false);
        runner = start(url, true);
    }

    @AfterAll
    static void stopNodes() {
        runner.close();
        watcher.close();
    }

    @Test
    void a_client_on_one_node_sees_every_change_of_the_tasks_another_node_runs() {
        try (LiveClient live = LiveClient.connect(port(watcher), "/ws/events", KEY)) {
            live.next();
            List<String> ids = submit(20, Map.of());

            Set<String> open = new HashSet<>(ids);
            List<JsonNode> received = live.until(message -> {
                if (message.path("event").asText().equals("task_completed")) {
                    open.remove(message.path("task_id").asText());
                }
                return open.isEmpty();
            });

            for (String id : ids) {
                List<JsonNode> ofTask = ofTask(received, id);
                assertThat(sequences(ofTask)).as(id).isEqualTo(storedSequences(id));
                assertThat(ofTask.getLast().path("task").path("status").asText())
                        .isEqualTo("completed");
            }
        }
    }

    @Test
    void each_node_claims_the_segments_it_runs_in_its_own_name() {
        Set<String> nodes = Set.of(
                watcher.getBean(WorkerIdentity.class).id(),
                runner.getBean(WorkerIdentity.class).id());
        // processors claim their segments on threads of their own, soon after start-up
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(watcher.getBean(JdbcTemplate.class)
                        .queryForList("SELECT DISTINCT owner FROM token_entry WHERE owner IS NOT NULL", String.class))
                .isNotEmpty()
                .allSatisfy(owner -> assertThat(nodes).contains(owner)));
    }

    @Test
    void a_client_that_stops_reading_is_skipped_ahead_or_closed_and_holds_up_nothing() throws Exception {
        MeterRegistry meters = watcher.getBean(MeterRegistry.class);
        AtomicLong mostBuffered = new AtomicLong();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread sampler = Thread.ofVirtual().start(() -> {
            while (watching.get()) {
                mostBuffered.accumulateAndGet(
                        (long) meters.get("taskforge.live.buffered").gauge().value(), Math::max);
                sleep(20);
            }
        });
        try (LiveClient stalled = LiveClient.connectWithoutReading(port(watcher), "/ws/events", KEY);
                LiveClient reading = LiveClient.connect(port(watcher), "/ws/events?status=completed", KEY)) {
            reading.next();
            // large tasks, so that the stalled client's socket buffers fill after a few hundred messages
            List<String> ids = submit(400, Map.of("padding", "x".repeat(8_000)));

            Set<String> open = new HashSet<>(ids);
            long patience = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!open.isEmpty()) {
                assertThat(System.nanoTime())
                        .as("every completion within 2 min; missing " + open.size())
                        .isLessThan(patience);
                JsonNode message = reading.next();
                assertThat(message.path("kind").asText())
                        .as("the reading client")
                        .isNotEqualTo("resync");
                if (message.path("event").asText().equals("task_completed")) {
                    open.remove(message.path("task_id").asText());
                }
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            meters.get("taskforge.live.connections").gauge().value() == 1);
            watching.set(false);
            sampler.join();

            assertThat(mostBuffered.get())
                    .as("messages ever waiting on the node for its two clients")
                    .isLessThanOrEqualTo(2 * (BUFFER + 1));
            // the server has ended the stalled connection: once it reads again, it finds the close after
            // the messages its socket still held (1008, or 1006 when the close frame found no room either)
            stalled.startReading();
            List<JsonNode> late = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (stalled.closeCodeOrNone() == 0 && System.nanoTime() < deadline) {
                stalled.poll().ifPresent(late::add);
            }
            assertThat(stalled.closeCodeOrNone())
                    .as("the stalled client's close code, after %d messages it had not read", late.size())
                    .isIn(1008, 1006, -1);
            assertThat(late.size()).as("messages it had not read").isLessThan(ids.size() * 4);
        } finally {
            watching.set(false);
        }
    }

    private static List<String> submit(int count, Map<String, Object> input) {
        ApiClient api = api(runner);
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < count; from += 100) {
            var tasks = IntStream.range(from, Math.min(count, from + 100))
                    .mapToObj(i -> Map.<String, Object>of("type", "noop", "input", input))
                    .toList();
            var batch = api.post("/api/v1/tasks/batch", Map.of("tasks", tasks));
            assertThat(batch.status()).as(batch.body().toString()).isEqualTo(201);
            batch.body().path("tasks").forEach(task -> ids.add(task.path("id").asText()));
        }
        return ids;
    }

    private static List<Long> storedSequences(String id) {
        long count = StreamSupport.stream(
                        api(watcher)
                                .get("/api/v1/tasks/" + id + "/timeline")
                                .body()
                                .path("events")
                                .spliterator(),
                        false)
                .count();
        return LongStream.range(0, count).boxed().toList();
    }

    private static ConfigurableApplicationContext start(String url, boolean execute) {
        return new SpringApplicationBuilder(TaskforgeApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + TestDatabase.USER,
                        "--spring.datasource.password=" + TestDatabase.PASSWORD,
                        "--spring.datasource.hikari.maximum-pool-size=10",
                        "--taskforge.api-keys=" + KEY + ":admin",
                        "--taskforge.execution.enabled=" + execute,
                        "--taskforge.live.buffer-messages=" + BUFFER,
                        "--taskforge.live.send-timeout=5s");
    }

    private static int port(ConfigurableApplicationContext engine) {
        return Integer.parseInt(engine.getEnvironment().getProperty("local.server.port"));
    }

    private static ApiClient api(ConfigurableApplicationContext engine) {
        return new ApiClient("http://127.0.0.1:" + port(engine), KEY);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
