package io.taskforge.api.security;

import static io.taskforge.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.engine.numbering.TaskNumbers;
import io.taskforge.support.ApiClient;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ApiIntegrationTest;
import io.taskforge.support.TestTask;
import io.taskforge.task.ErrorClassification;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.task.command.CreateTaskCommand;
import io.taskforge.task.command.FailAttemptCommand;
import io.taskforge.task.command.StartAttemptCommand;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A key that acts for an owner sees, lists, cancels and retries only that owner's tasks, and owns what
 * it submits; admin keys and keys without an owner see every task.
 */
class OwnerScopingIT extends ApiIntegrationTest {

    private static final String TASKS = "/api/v1/tasks";

    @Autowired
    CommandGateway commands;

    @Autowired
    TaskNumbers numbers;

    @Test
    void owns_what_it_submits_whatever_the_body_says_and_is_named_as_its_creator() {
        JsonNode task =
                alice().post(TASKS, Map.of("type", "noop", "owner", "mallory")).body();

        assertThat(task.path("owner").asText()).isEqualTo("alice");
        assertThat(task.path("created_by").asText()).isEqualTo("alice");
    }

    @Test
    void owns_every_task_of_a_batch_it_submits() {
        JsonNode batch = alice().post(
                        TASKS + "/batch",
                        Map.of("tasks", List.of(Map.of("type", "noop", "owner", "mallory"), Map.of("type", "noop"))))
                .body();

        for (JsonNode item : batch.path("tasks")) {
            JsonNode task = alice().get(TASKS + "/" + item.path("id").asText()).body();
            assertThat(task.path("owner").asText()).isEqualTo("alice");
            assertThat(task.path("created_by").asText()).isEqualTo("alice");
        }
    }

    @Test
    void sees_only_its_owners_tasks_and_answers_404_for_the_others() {
        String problem = "scoped-" + UUID.randomUUID();
        String alices = alice().post(TASKS, Map.of("type", "noop", "problem_id", problem))
                .text("id");
        String bobs =
                bob().post(TASKS, Map.of("type", "noop", "problem_id", problem)).text("id");

        // lists read the task view, which follows the submissions by a few milliseconds
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        ids(operator().get(TASKS + "?problem_id=" + problem).body())
                                        .size()
                                == 2);

        assertThat(ids(bob().get(TASKS + "?problem_id=" + problem).body())).containsExactly(bobs);
        assertThat(ids(alice().get(TASKS + "?problem_id=" + problem).body())).containsExactly(alices);
        for (String path : List.of(
                TASKS + "/" + alices,
                TASKS + "/" + alices + "/timeline",
                TASKS + "/" + alices + "/attempts",
                TASKS + "/" + alices + "/logs",
                "/tasks/" + alices)) {
            assertError(bob().get(path), 404, "not_found");
        }
        assertThat(ids(bob().get("/api/v1/system/tasks?limit=1000").body().path("tasks")))
                .contains(bobs)
                .doesNotContain(alices);
        assertThat(ids(bob().get("/tasks/pending?limit=1000").body().path("tasks")))
                .contains(bobs)
                .doesNotContain(alices);
    }

    @Test
    void cancels_and_retries_only_its_owners_tasks() {
        String alices = alice().post(TASKS, Map.of("type", "noop")).text("id");

        assertError(bob().post(TASKS + "/" + alices + "/cancel"), 404, "not_found");
        assertError(bob().delete(TASKS + "/" + alices), 404, "not_found");
        assertThat(alice().post(TASKS + "/" + alices + "/cancel").status()).isEqualTo(200);
        assertError(bob().post(TASKS + "/" + alices + "/retry"), 404, "not_found");
        assertThat(alice().post(TASKS + "/" + alices + "/retry").status()).isEqualTo(200);
    }

    @Test
    void lists_and_redrives_only_its_owners_dead_letters() {
        TaskId failed = failedTaskOf("alice");

        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> ids(alice().get("/api/v1/failed-tasks").body().path("tasks")),
                        ids -> ids.contains(failed.toString()));
        assertThat(ids(bob().get("/api/v1/failed-tasks").body().path("tasks"))).doesNotContain(failed.toString());
        assertError(bob().post("/api/v1/failed-tasks/" + failed + "/retry"), 404, "not_found");
        assertThat(ids(api(ADMIN_KEY).get("/api/v1/failed-tasks").body().path("tasks")))
                .contains(failed.toString());
    }

    @Test
    void lets_admin_keys_and_keys_without_an_owner_see_every_task() {
        String alices = alice().post(TASKS, Map.of("type", "noop")).text("id");

        assertThat(api(ADMIN_KEY).get(TASKS + "/" + alices).status()).isEqualTo(200);
        assertThat(api(VIEWER_KEY).get(TASKS + "/" + alices).status()).isEqualTo(200);
        assertThat(operator().post(TASKS + "/" + alices + "/cancel").status()).isEqualTo(200);
    }

    @Test
    void refuses_an_idempotency_key_another_owner_used() {
        String key = "order-" + UUID.randomUUID();
        Answer first = alice().post(TASKS, Map.of("type", "noop", "idempotency_key", key));
        Answer again = alice().post(TASKS, Map.of("type", "noop", "idempotency_key", key));

        Answer others = bob().post(TASKS, Map.of("type", "noop", "idempotency_key", key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertError(others, 409, "conflict");
        assertThat(others.text("detail")).doesNotContain(first.text("id"));
    }

    @Test
    void keeps_the_clean_up_of_old_tasks_to_admins() {
        assertError(operator().delete("/tasks/cleanup?days=36500"), 403, "forbidden");
        assertError(alice().delete("/api/v1/tasks/cleanup?days=36500"), 403, "forbidden");
        assertThat(api(ADMIN_KEY).delete("/tasks/cleanup?days=36500").status()).isEqualTo(200);
    }

    private TaskId failedTaskOf(String owner) {
        TaskId taskId = TaskId.random();
        commands.sendAndWait(new CreateTaskCommand(
                taskId, numbers.next(), TestTask.noop().owner(owner).definition()));
        commands.sendAndWait(new StartAttemptCommand(taskId, 1, "test-worker"));
        commands.sendAndWait(new FailAttemptCommand(
                taskId, 1, TaskError.of("card_declined", "declined"), ErrorClassification.PERMANENT, null, null));
        return taskId;
    }

    private static List<String> ids(JsonNode tasks) {
        return StreamSupport.stream(tasks.spliterator(), false)
                .map(task -> task.has("task_id")
                        ? task.path("task_id").asText()
                        : task.path("id").asText())
                .toList();
    }

    private ApiClient alice() {
        return api(ALICE_KEY);
    }

    private ApiClient bob() {
        return api(BOB_KEY);
    }
}
