package io.taskforge.support;

import io.taskforge.task.TaskId;
import java.util.List;
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
            "taskforge.tasks.base-delay-ms=100",
            "taskforge.tasks.max-delay-ms=2000",
            "taskforge.commands.allowlist=sleep,echo,false",
            "resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
            "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
            "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=10m"
        })
public abstract class ExecutionIntegrationTest extends IntegrationTest {

    @Autowired
    protected EventStore eventStore;

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
