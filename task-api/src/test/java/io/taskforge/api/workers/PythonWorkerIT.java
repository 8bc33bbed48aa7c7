package io.taskforge.api.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.support.ExecutionIntegrationTest;
import io.taskforge.task.event.AttemptStartedEvent;
import io.taskforge.task.event.TaskProgressedEvent;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The Python reference worker, a separate process, against the running engine. A Python process
 * and its HTTP calls stall for seconds on a machine busy with the rest of the suite, so a worker is
 * taken for gone after 6 s here rather than the 2 s of the other execution tests: a rescuer that
 * missed two of those short heartbeats had its attempt handed back and ran the task twice. Going
 * offline still comes before the lease runs out, so a killed worker's attempt still ends as its
 * worker's absence.
 */
@TestPropertySource(properties = {"taskforge.workers.offline-after=6s", "taskforge.queue.lease=9s"})
class PythonWorkerIT extends ExecutionIntegrationTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    @Test
    void the_reference_worker_runs_a_task_with_progress_logs_and_a_result() throws Exception {
        String problem = "py-" + UUID.randomUUID();
        try (PythonWorker worker = start("py-done-" + shortId(), problem)) {
            String taskId = submit(task(problem, 4, 0.2));

            JsonNode finished = awaitFinished(taskId);

            assertThat(finished.path("status").asText()).as(worker.output()).isEqualTo("completed");
            assertThat(finished.path("result").path("worker").asText()).isEqualTo(worker.id());
            assertThat(finished.path("worker_id").asText()).isEqualTo(worker.id());
            assertThat(eventsOf(taskId, AttemptStartedEvent.class).getFirst().workerId())
                    .isEqualTo(worker.id());
            assertThat(eventsOf(taskId, TaskProgressedEvent.class)).isNotEmpty();
            assertThat(operator()
                            .get("/api/v1/tasks/" + taskId + "/logs")
                            .body()
                            .findValuesAsText("message"))
                    .anyMatch(line -> line.contains("python worker " + worker.id() + " starts 4 steps"));
            assertThat(worker.output()).contains("completed " + taskId);
        }
    }

    @Test
    void a_worker_killed_mid_task_has_its_task_retried_and_completed_by_another() throws Exception {
        String problem = "py-" + UUID.randomUUID();
        String taskId;
        String killedId;
        try (PythonWorker killed = start("py-killed-" + shortId(), problem)) {
            killedId = killed.id();
            taskId = submit(task(problem, 30, 0.3));
            await().atMost(CATCH_UP)
                    .until(
                            () -> task(taskId),
                            task -> task.path("status").asText().equals("running")
                                    && task.path("progress").asInt() > 0);

            killed.kill();
        }
        try (PythonWorker rescuer = start("py-rescuer-" + shortId(), problem)) {
            JsonNode finished = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> task(taskId),
                            task -> task.path("status").asText().equals("completed"));

            assertThat(finished.path("result").path("worker").asText()).isEqualTo(rescuer.id());
            JsonNode attempts = operator()
                    .get("/api/v1/tasks/" + taskId + "/attempts")
                    .body()
                    .path("attempts");
            assertThat(attempts.findValuesAsText("worker_id")).containsExactly(killedId, rescuer.id());
            assertThat(attempts.findValuesAsText("outcome")).containsExactly("timed_out", "succeeded");
            assertThat(attempts.get(0).path("error_message").asText()).contains("worker " + killedId);
        }
    }

    @Test
    void a_cancelled_task_stops_on_the_reference_worker() throws Exception {
        String problem = "py-" + UUID.randomUUID();
        try (PythonWorker worker = start("py-cancel-" + shortId(), problem)) {
            // one long step: no report is due before the heartbeat answer tells the worker to stop
            String taskId = submit(task(problem, 1, 60));
            await().atMost(CATCH_UP).until(() -> task(taskId).path("status").asText(), "running"::equals);

            assertThat(operator().post("/api/v1/tasks/" + taskId + "/cancel").status())
                    .isEqualTo(200);

            await().atMost(CATCH_UP)
                    .until(worker::output, output -> output.contains("stopped " + taskId + ": cancelled"));
            assertThat(task(taskId).path("status").asText()).isEqualTo("cancelled");
            assertThat(worker.output()).doesNotContain("lost " + taskId);
        }
    }

    private PythonWorker start(String id, String problem) {
        return PythonWorker.start("http://127.0.0.1:" + port, WORKER_KEY, id, problem);
    }

    private JsonNode task(String taskId) {
        return operator().get("/api/v1/tasks/" + taskId).body();
    }

    private static Map<String, Object> task(String problem, int steps, double stepSeconds) {
        return Map.of(
                "type",
                "external",
                "problem_id",
                problem,
                "parameters",
                Map.of("steps", steps, "step_seconds", stepSeconds),
                "retry",
                Map.of("max_attempts", 3, "base_delay_ms", 100));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
