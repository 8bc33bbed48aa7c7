package io.taskforge.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.task.TaskId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of tests that let the engine run tasks, with timings shortened so that leases, retries and
 * breakers act within a test's patience.
 */
@Import({ProbeHandler.class, ParkedHandler.class})
@TestPropertySource(
        properties = {
            "taskforge.queue.lease=3s",
            "taskforge.queue.claim-timeout=5s",
            "taskforge.execution.workers=8",
            "taskforge.execution.poll-interval=200ms",
            "taskforge.execution.heartbeat-interval=300ms",
            "taskforge.execution.sweep-interval=300ms",
            "taskforge.execution.type-limits.probe=3",
            "taskforge.execution.type-limits.parked=0",
            "taskforge.execution.no-runner-stall-after=2s",
            "taskforge.execution.no-progress-stall-after=2s",
            "taskforge.workers.offline-after=2s",
            "taskforge.workers.check-interval=500ms",
            "taskforge.tasks.base-delay-ms=100",
            "taskforge.tasks.max-delay-ms=2000",
            "taskforge.commands.allowlist=sleep,echo,false",
            "TASKFORGE_PROVIDERS_BILLING_HEADERS={\"Authorization\": \"Bearer from-configuration\"}",
            "resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
            "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
            "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=10m"
        })
public abstract class ExecutionIntegrationTest extends IntegrationTest {

    /** How long a test waits for a task to finish. */
    protected static final Duration FINISH = Duration.ofSeconds(30);

    private static final String TASKS = "/api/v1/tasks";

    @Autowired
    protected EventStore eventStore;

    /** Submits the task as an operator and returns its id. */
    protected String submit(Map<String, Object> body) {
        var created = operator().post(TASKS, body);
        assertThat(created.status()).as(created.body().toString()).isIn(201, 202);
        return created.text("id");
    }

    /** The task once it has finished, as the operator reads it. */
    protected JsonNode awaitFinished(String id) {
        return await().atMost(FINISH)
                .until(
                        () -> operator().get(TASKS + "/" + id).body(),
                        task -> !task.path("finished_at").isNull()
                                && !task.path("finished_at").isMissingNode());
    }

    /** The payloads of every event in the task's stream, oldest first. */
    protected List<Object> eventsOf(String taskId) {
        return eventStore
                .readEvents(TaskId.parse(taskId).toString())
                .asStream()
                .map(Message::getPayload)
                .map(Object.class::cast)
                .toList();
    }

    protected <T> List<T> eventsOf(String taskId, Class<T> type) {
        return eventsOf(taskId).stream()
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }
}
