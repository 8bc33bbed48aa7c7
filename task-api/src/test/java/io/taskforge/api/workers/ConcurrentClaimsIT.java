package io.taskforge.api.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ExecutionIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Four workers claiming at once over 500 tasks: every attempt runs once, on one worker. */
class ConcurrentClaimsIT extends ExecutionIntegrationTest {

    private static final int TASKS = 500;
    private static final int WORKERS = 4;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void four_workers_claiming_concurrently_never_run_one_attempt_twice() throws Exception {
        String problem = "swarm-" + UUID.randomUUID();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            batch.add(Map.of("type", "external", "problem_id", problem, "parameters", Map.of("n", i)));
        }
        for (int from = 0; from < TASKS; from += 250) {
            assertThat(operator()
                            .post("/api/v1/tasks/batch", Map.of("tasks", batch.subList(from, from + 250)))
                            .status())
                    .isEqualTo(201);
        }
        Set<String> claimedAttempts = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(WORKERS);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            ExternalWorker worker = new ExternalWorker(api(WORKER_KEY), "swarm-" + w + "-" + problem.substring(6, 14));
            assertThat(worker.register("kind", 2, List.of(problem)).status()).isEqualTo(201);
            runs.add(threads.submit(() -> drain(worker, claimedAttempts, duplicates, completed)));
        }
        int total = 0;
        for (Future<Integer> run : runs) {
            int ran = run.get();
            assertThat(ran).as("every worker got work").isPositive();
            total += ran;
        }
        threads.shutdown();

        assertThat(duplicates).hasValue(0);
        assertThat(total).isEqualTo(TASKS);
        assertThat(claimedAttempts).hasSize(TASKS);
        List<Map<String, Object>> startsPerTask = jdbc.queryForList(
                "SELECT e.aggregate_identifier, count(*) AS starts FROM domain_event_entry e"
                        + " JOIN task_view v ON v.task_id::text = e.aggregate_identifier"
                        + " WHERE v.problem_id = ? AND e.payload_type LIKE '%AttemptStartedEvent'"
                        + " GROUP BY e.aggregate_identifier",
                problem);
        assertThat(startsPerTask).hasSize(TASKS);
        assertThat(startsPerTask).allSatisfy(row -> assertThat(((Number) row.get("starts")).intValue())
                .isEqualTo(1));
        Integer successes = jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry e JOIN task_view v ON v.task_id::text = e.aggregate_identifier"
                        + " WHERE v.problem_id = ? AND e.payload_type LIKE '%AttemptSucceededEvent'",
                Integer.class, problem);
        assertThat(successes).isEqualTo(TASKS);
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api(VIEWER_KEY)
                                .get("/api/v1/workers?backend_type=kind")
                                .body()
                                .findValues("tasks_completed")
                                .stream()
                                .mapToInt(JsonNode::asInt)
                                .sum(),
                        sum -> sum >= TASKS);
    }

    /** Claims and completes until a long poll finds nothing more; returns how many it ran. */
    private static int drain(
            ExternalWorker worker, Set<String> claimedAttempts, AtomicInteger duplicates, AtomicInteger completed) {
        int ran = 0;
        while (true) {
            Answer claim = worker.claim("1s");
            if (claim.status() == 204) {
                if (completed.get() >= TASKS) {
                    return ran;
                }
                continue;
            }
            assertThat(claim.status()).as(claim.raw().body()).isEqualTo(200);
            JsonNode task = claim.body();
            String attempt =
                    task.path("id").asText() + "#" + task.path("fencing_token").asInt();
            if (!claimedAttempts.add(attempt)) {
                duplicates.incrementAndGet();
            }
            Answer done = worker.complete(task, Map.of("by", worker.id()));
            assertThat(done.status()).as(done.raw().body()).isEqualTo(200);
            completed.incrementAndGet();
            ran++;
        }
    }
}
