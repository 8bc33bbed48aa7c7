package io.taskforge.api.security;

import static io.taskforge.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taskforge.api.reads.TaskReads;
import io.taskforge.engine.numbering.TaskNumbers;
import io.taskforge.support.DefaultModeIntegrationTest;
import io.taskforge.support.SeedRequests;
import io.taskforge.support.SeedRequests.Request;
import io.taskforge.support.TestTask;
import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
import io.taskforge.task.command.CancelTaskCommand;
import io.taskforge.task.command.CreateTaskCommand;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An engine started without configuration (no keys, so only a generated admin key the test does not
 * know): requests without a key read what seed clients read, and change nothing.
 */
class DefaultModeAccessIT extends DefaultModeIntegrationTest {

    @Autowired
    CommandGateway commands;

    @Autowired
    TaskNumbers numbers;

    @Autowired
    TaskReads reads;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void lets_requests_without_a_key_read_what_seed_clients_read() {
        TaskId task = create();

        for (Request read : SeedRequests.reads(task.toString())) {
            assertThat(read.sendWith(api(null)).status()).as(read.toString()).isEqualTo(200);
        }
        for (String open : List.of("/api/v1/system/health", "/health", "/ready", "/v3/api-docs")) {
            assertThat(api(null).get(open).status()).as(open).isIn(200, 500);
        }
    }

    @Test
    void refuses_every_write_without_a_key_and_stores_nothing() {
        TaskId pending = create();
        TaskId cancelled = create();
        commands.sendAndWait(new CancelTaskCommand(cancelled, "not needed", "test"));
        long number = reads.task(pending).orElseThrow().number();
        long events = storedEvents();

        for (Request write : SeedRequests.writes(pending.toString(), cancelled.toString())) {
            assertError(write.sendWith(api(null)), 401, "unauthorized");
        }
        assertError(api(null).post("/api/v1/tasks/" + number + "/cancel"), 401, "unauthorized");

        assertThat(storedEvents()).as("events stored after the refused writes").isEqualTo(events);
        assertThat(reads.task(pending).orElseThrow().status()).isEqualTo(TaskStatus.PENDING);
    }

    @Test
    void refuses_an_unknown_key_even_where_no_key_is_needed() {
        assertError(api("guess").get("/api/v1/system/tasks"), 401, "unauthorized");
        assertError(api("guess").get("/api/v1/system/health"), 401, "unauthorized");
    }

    private TaskId create() {
        TaskId taskId = TaskId.random();
        commands.sendAndWait(new CreateTaskCommand(
                taskId,
                numbers.next(),
                TestTask.noop().description("access check").definition()));
        await().atMost(Duration.ofSeconds(20)).until(() -> reads.task(taskId).isPresent());
        return taskId;
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
