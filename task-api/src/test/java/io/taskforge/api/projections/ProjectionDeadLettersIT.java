package io.taskforge.api.projections;

import static io.taskforge.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.engine.numbering.TaskNumbers;
import io.taskforge.support.ApiClient;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ApiIntegrationTest;
import io.taskforge.support.TestTask;
import io.taskforge.task.TaskId;
import io.taskforge.task.command.CancelTaskCommand;
import io.taskforge.task.command.CreateTaskCommand;
import io.taskforge.task.event.TaskCreatedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A read model that cannot apply an event parks that task's events and keeps applying everyone
 * else's; admins see what was parked, retry it, and /health and /metrics count it.
 */
// parked events stay with this engine, which is closed after the class; a slow database on a loaded
// machine must not add a reason of its own to the /health this test reads
@DirtiesContext
@TestPropertySource(properties = "taskforge.health.slow-database=10s")
class ProjectionDeadLettersIT extends ApiIntegrationTest {

    private static final String DEAD_LETTERS = "/api/v1/admin/projections/dead-letters";
    private static final String TASK_VIEW = "task-view";
    private static final int OTHER_TASKS = 100;
    private static final Duration PARKING = Duration.ofSeconds(30);

    @Autowired
    EventStore eventStore;

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskNumbers numbers;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void parks_one_tasks_events_while_a_hundred_other_tasks_appear() throws Exception {
        TaskId legacy = storeEventOfAnEarlierVersion("imported before NUL checks\u0000");
        String batch = "flow-" + UUID.randomUUID();

        List<Integer> statuses = submitConcurrently(batch);

        assertThat(statuses).hasSize(OTHER_TASKS).containsOnly(201);
        await().atMost(PARKING)
                .until(() -> viewer().get("/api/v1/tasks?limit=1000&problem_id=" + batch)
                                .body()
                                .size()
                        == OTHER_TASKS);
        assertThat(viewer().get("/api/v1/tasks?limit=1000").raw().body()).doesNotContain(legacy.toString());
        JsonNode parked = await().atMost(PARKING).until(() -> parkedIn(TASK_VIEW, legacy), found -> found != null);
        assertThat(parked.path("events").get(0).path("event_type").asText()).isEqualTo("TaskCreatedEvent");
        assertThat(parked.path("events").get(0).path("sequence_number").asLong())
                .isZero();
        assertThat(parked.path("events").get(0).path("cause_message").asText()).isNotBlank();
        assertThat(parkedIn("task-timeline", legacy))
                .as("the timeline stores the text as JSON")
                .isNull();
    }

    @Test
    void counts_parked_events_on_health_and_in_metrics_and_shows_them_to_admins_only() {
        TaskId legacy = storeEventOfAnEarlierVersion("counted\u0000");
        await().atMost(PARKING).until(() -> parkedIn(TASK_VIEW, legacy), found -> found != null);

        Answer health = api(null).get("/health");
        String metrics = api(null).get("/metrics").raw().body();

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("degraded");
        assertThat(health.body().path("reasons").toString()).contains("read model task-view parked");
        assertThat(metrics)
                .containsPattern("taskforge_projection_dead_letters\\{processing_group=\"task-view\"} [1-9]");
        assertError(viewer().get(DEAD_LETTERS), 403, "forbidden");
        assertError(operator().get(DEAD_LETTERS), 403, "forbidden");
        assertError(admin().get(DEAD_LETTERS.replace("dead-letters", "nothing")), 404, "not_found");
        assertError(admin().post(DEAD_LETTERS + "/no-such-model/retry"), 404, "not_found");
    }

    @Test
    void a_retry_applies_the_parked_events_in_order_once_the_read_model_accepts_them() {
        jdbc.execute("ALTER TABLE task_view ADD CONSTRAINT refuses_for_test"
                + " CHECK (description IS DISTINCT FROM 'refused by the read model')");
        TaskId refused = TaskId.random();
        commands.sendAndWait(new CreateTaskCommand(
                refused,
                numbers.next(),
                TestTask.noop().description("refused by the read model").definition()));
        commands.sendAndWait(new CancelTaskCommand(refused, "no longer needed", "test"));
        JsonNode parked = await().atMost(PARKING)
                .until(
                        () -> parkedIn(TASK_VIEW, refused),
                        found -> found != null && found.path("events").size() == 2);
        assertThat(parked.path("events").get(1).path("event_type").asText()).isEqualTo("TaskCancelledEvent");

        Answer failedAgain = admin().post(DEAD_LETTERS + "/task-view/retry?task_id=" + refused);
        jdbc.execute("ALTER TABLE task_view DROP CONSTRAINT refuses_for_test");
        Answer retried = admin().post(DEAD_LETTERS + "/task-view/retry?task_id=" + refused);

        assertThat(failedAgain.body().path("still_parked").asInt()).isEqualTo(1);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().path("tried").asInt()).isEqualTo(1);
        assertThat(retried.body().path("cleared").asInt()).isEqualTo(1);
        assertThat(parkedIn(TASK_VIEW, refused)).isNull();
        assertThat(viewer().get("/api/v1/tasks/" + refused).text("status")).isEqualTo("cancelled");
    }

    /** An event stored by an engine that did not refuse such text yet: it reaches the read models as it is. */
    private TaskId storeEventOfAnEarlierVersion(String description) {
        TaskId taskId = TaskId.random();
        var created = new TaskCreatedEvent(
                taskId, null, TestTask.noop().description(description).definition(), Instant.now());
        transactions.executeWithoutResult(
                status -> eventStore.publish(new GenericDomainEventMessage<>("Task", taskId.toString(), 0, created)));
        return taskId;
    }

    private List<Integer> submitConcurrently(String problemId) throws Exception {
        try (var threads = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> submissions = new ArrayList<>();
            for (int i = 0; i < OTHER_TASKS; i++) {
                submissions.add(threads.submit(() -> operator()
                        .post("/api/v1/tasks", Map.of("type", "noop", "problem_id", problemId))
                        .status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> submission : submissions) {
                statuses.add(submission.get());
            }
            return statuses;
        }
    }

    /** The task's entry among the read model's parked tasks, or null. */
    private JsonNode parkedIn(String processingGroup, TaskId taskId) {
        JsonNode groups = admin().get(DEAD_LETTERS + "?limit=1000").body().path("processing_groups");
        return StreamSupport.stream(groups.spliterator(), false)
                .filter(group -> group.path("processing_group").asText().equals(processingGroup))
                .flatMap(group -> StreamSupport.stream(group.path("parked").spliterator(), false))
                .filter(task -> task.path("task_id").asText().equals(taskId.toString()))
                .findFirst()
                .orElse(null);
    }

    private ApiClient viewer() {
        return api(VIEWER_KEY);
    }

    private ApiClient admin() {
        return api(ADMIN_KEY);
    }
}
