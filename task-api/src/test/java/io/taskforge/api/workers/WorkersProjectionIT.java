package io.taskforge.api.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.support.ExecutionIntegrationTest;
import io.taskforge.support.ReadModelReplay;
import io.taskforge.task.processing.ProcessingGroups;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** The workers read model, built live from the protocol's events, equals the one a replay rebuilds. */
// workers and leases outlive the replay: the state compared is the one the test made
@TestPropertySource(properties = {"taskforge.workers.offline-after=1h", "taskforge.queue.lease=1h"})
class WorkersProjectionIT extends ExecutionIntegrationTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(20);

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void replay_rebuilds_the_same_workers_as_live_processing() {
        String backend = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        String problem = backend + "-problem";
        ExternalWorker first = new ExternalWorker(api(WORKER_KEY), backend + "-a");
        ExternalWorker second = new ExternalWorker(api(WORKER_KEY), backend + "-b");
        first.register(backend, 1, List.of(problem));
        second.register(backend, 2, List.of(problem, "other-*"));

        submit(task(problem));
        first.complete(first.claim().body(), Map.of("ok", true));
        submit(task(problem));
        first.fail(first.claim().body(), Map.of("type", "bad_input", "retryable", false));
        String cancelled = submit(task(problem));
        second.claim();
        operator().post("/api/v1/tasks/" + cancelled + "/cancel");
        String running = submit(task(problem));
        JsonNode runningClaim = second.claim().body();
        assertThat(runningClaim.path("id").asText()).isEqualTo(running);
        api(WORKER_KEY).post("/api/v1/workers/" + first.id() + "/heartbeat", Map.of("status", "offline"));
        first.register(backend, 3, List.of(problem, "late-*"));
        api(WORKER_KEY).post("/api/v1/workers/" + first.id() + "/heartbeat", Map.of("status", "offline"));

        JsonNode live = await().atMost(CATCH_UP)
                .until(
                        () -> workers(backend),
                        workers -> workers.size() == 2
                                && workers.get(0).path("status").asText().equals("offline")
                                && workers.get(0).path("tasks_failed").asInt() == 1
                                && workers.get(1).path("current_tasks").size() == 1);
        assertThat(live.get(0).path("tasks_completed").asInt()).isEqualTo(1);
        assertThat(live.get(0).path("capabilities").path("max_parallel_tasks").asInt())
                .isEqualTo(3);
        assertThat(live.get(1).path("status").asText()).isEqualTo("busy");
        assertThat(live.get(1).path("current_tasks").get(0).asText()).isEqualTo(running);

        jdbc.update("UPDATE worker_view SET tasks_completed = 99, backend_type = 'tampered', online = TRUE");
        jdbc.update("DELETE FROM worker_attempt");
        ReadModelReplay.replay(processing, ProcessingGroups.WORKERS);

        await().atMost(CATCH_UP)
                .untilAsserted(() -> assertThat(workers(backend)).isEqualTo(live));
        second.complete(runningClaim, Map.of());
    }

    private JsonNode workers(String backend) {
        return api(VIEWER_KEY).get("/api/v1/workers?backend_type=" + backend).body();
    }

    private static Map<String, Object> task(String problem) {
        return Map.of("type", "external", "problem_id", problem);
    }
}
