package io.taskforge.engine.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskforge.support.IntegrationTest;
import io.taskforge.task.TaskId;
import io.taskforge.task.command.StartAttemptCommand;
import io.taskforge.task.command.TaskRuleViolationException;
import io.taskforge.task.event.AttemptStartedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Commands committed in groups: many threads sending at once each get their answer only once their
 * own command is stored, and a command the task refuses fails alone, with its own exception, never
 * the group it was committed with. The engine runs no tasks itself here, so the test's threads are
 * the only ones that start attempts.
 */
@TestPropertySource(properties = "taskforge.execution.enabled=false")
class GroupCommitIT extends IntegrationTest {

    private static final int TASKS = 60;

    @Autowired
    GroupCommit commits;

    @Autowired
    EventStore eventStore;

    @Autowired
    org.axonframework.config.Configuration axon;

    @Autowired
    CommandTargetResolver targets;

    @Test
    void aggregatesAndTheGroupCommitFindCommandTargetsThroughTheEnginesResolver() {
        // what AggregateConfigurer asks the configuration for, when it builds an aggregate's command handler
        assertThat(axon.getComponent(CommandTargetResolver.class)).isSameAs(targets);
        assertThat(targets.getClass().getSimpleName()).isEqualTo("CachingCommandTargetResolver");
    }

    @Test
    void storedEventsCarryTheirCommandsTraceThroughTheEnginesOriginProvider() {
        assertThat(axon.correlationDataProviders())
                .singleElement()
                .extracting(provider -> provider.getClass().getSimpleName())
                .isEqualTo("CommandSideOrigin");
        String task = operator().post("/api/v1/tasks", Map.of("type", "noop")).text("id");

        assertThat(eventStore.readEvents(task).asStream())
                .isNotEmpty()
                .allSatisfy(event -> assertThat(event.getMetaData()).containsKeys("traceId", "correlationId"));
    }

    @Test
    void concurrentCommandsAreEachStoredOrRefusedOnTheirOwn() throws InterruptedException {
        List<TaskId> tasks = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            tasks.add(TaskId.parse(
                    operator().post("/api/v1/tasks", Map.of("type", "noop")).text("id")));
        }
        TaskId cancelled = tasks.get(TASKS / 2);
        assertThat(operator().post("/api/v1/tasks/" + cancelled + "/cancel").status())
                .isEqualTo(200);

        Map<TaskId, String> answers = startAllAtOnce(tasks);

        for (TaskId task : tasks) {
            boolean started = eventStore
                    .readEvents(task.toString())
                    .asStream()
                    .anyMatch(event -> event.getPayload() instanceof AttemptStartedEvent);
            assertThat(answers.get(task))
                    .as("answer for %s", task)
                    .isEqualTo(task.equals(cancelled) ? "refused" : "stored");
            assertThat(started).as("attempt started for %s", task).isEqualTo(!task.equals(cancelled));
        }
    }

    private Map<TaskId, String> startAllAtOnce(List<TaskId> tasks) throws InterruptedException {
        Map<TaskId, String> answers = new ConcurrentHashMap<>();
        CountDownLatch ready = new CountDownLatch(1);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (TaskId task : tasks) {
                threads.submit(() -> {
                    ready.await();
                    try {
                        commits.send(new StartAttemptCommand(task, 1, "test-worker"));
                        answers.put(task, "stored");
                    } catch (TaskRuleViolationException refused) {
                        answers.put(task, "refused");
                    }
                    return null;
                });
            }
            ready.countDown();
        }
        return answers;
    }
}
