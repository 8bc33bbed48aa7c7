package io.taskforge.api.families.backgroundtasks;

import static io.taskforge.api.families.backgroundtasks.Seed001Examples.CATCH_UP;
import static io.taskforge.support.ApiAssertions.assertError;
import static io.taskforge.support.TaskJson.fieldNames;
import static io.taskforge.support.TaskJson.ids;
import static io.taskforge.support.TaskJson.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.api.reads.TaskReads;
import io.taskforge.api.retention.RetentionJob;
import io.taskforge.api.retention.RetentionProperties;
import io.taskforge.api.retention.TaskRetention;
import io.taskforge.engine.numbering.TaskNumbers;
import io.taskforge.support.ApiClient;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ApiIntegrationTest;
import io.taskforge.task.TaskId;
import io.taskforge.task.command.CompleteAttemptCommand;
import io.taskforge.task.query.ListFinishedBeforeQuery;
import io.taskforge.task.query.TaskView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Seed 001's clean-up of old finished tasks, which needs an operator key in every mode, and the
 * retention job that archives them on a schedule, over seed 001's example tasks.
 */
class Seed001CleanupIT extends ApiIntegrationTest {

    @Autowired
    CommandGateway commands;

    @Autowired
    QueryGateway queries;

    @Autowired
    TaskNumbers numbers;

    @Autowired
    TaskReads reads;

    @Autowired
    TaskRetention retention;

    @Autowired
    RetentionJob configuredJob;

    @Autowired
    Clock clock;

    private Seed001Examples examples;

    @BeforeEach
    void seed_example_tasks() {
        examples = new Seed001Examples(commands, queries, numbers, viewer());
    }

    // curl -X DELETE "http://localhost:8000/tasks/cleanup?days=7"
    @Test
    void cleans_up_finished_tasks_older_than_the_given_days_by_archiving_them() {
        Answer keepsRecent = admin().delete("/tasks/cleanup?days=7");

        assertThat(keepsRecent.status()).isEqualTo(200);
        assertThat(fieldNames(keepsRecent.body())).containsExactlyInAnyOrder("cleaned_tasks", "days");
        assertThat(keepsRecent.body().path("cleaned_tasks").asLong()).isZero();
        assertThat(keepsRecent.body().path("days").asInt()).isEqualTo(7);
        assertThat(admin().delete("/tasks/cleanup").body().path("days").asInt()).isEqualTo(7);

        JsonNode before = viewer().get("/tasks/stats").body();
        Answer cleaned = admin().delete("/api/v1/tasks/cleanup?days=0");

        assertThat(cleaned.status()).isEqualTo(200);
        assertThat(cleaned.body().path("days").asInt()).isZero();
        long archived = cleaned.body().path("cleaned_tasks").asLong();
        assertThat(archived).isGreaterThanOrEqualTo(examples.finished().size());
        await().atMost(CATCH_UP).until(() -> examples.finished().stream()
                .allMatch(id -> examples.find(id).orElseThrow().archived()));
        for (TaskId unfinished : examples.unfinished()) {
            assertThat(examples.find(unfinished).orElseThrow().archived()).isFalse();
        }
        await().atMost(CATCH_UP)
                .until(() -> examples.stats().path("total_tasks").asLong()
                        == before.path("total_tasks").asLong() - archived);
        JsonNode after = examples.stats();
        assertThat(after.path("completed_tasks").asLong()).isZero();
        assertThat(after.path("failed_tasks").asLong()).isZero();
        assertThat(after.path("running_tasks")).isEqualTo(before.path("running_tasks"));
        assertThat(ids(list(viewer().get("/tasks/all?limit=1000").body().path("tasks"))))
                .doesNotContain(
                        examples.completed.toString(), examples.failed.toString(), examples.cancelled.toString())
                .contains(examples.ingest.toString(), examples.temporal.toString());
        Answer archivedTask = viewer().get("/api/v1/tasks/" + examples.completed);
        assertThat(archivedTask.body().path("archived").asBoolean()).isTrue();
        assertThat(viewer().get("/tasks/" + examples.completed).text("status")).isEqualTo("completed");

        await().atMost(CATCH_UP).until(() -> finishedBefore(clock.instant()).isEmpty());
        assertThat(admin().delete("/tasks/cleanup?days=0")
                        .body()
                        .path("cleaned_tasks")
                        .asLong())
                .isZero();
    }

    @Test
    void refuses_a_negative_or_malformed_age_and_callers_without_the_admin_role() {
        assertError(admin().delete("/tasks/cleanup?days=-1"), 400, "bad_request");
        assertError(admin().delete("/api/v1/tasks/cleanup?days=-1"), 400, "bad_request");
        assertError(admin().delete("/tasks/cleanup?days=week"), 400, "bad_request");
        assertError(viewer().delete("/tasks/cleanup?days=7"), 403, "forbidden");
        assertError(operator().delete("/tasks/cleanup?days=7"), 403, "forbidden");
        assertError(api(null).delete("/tasks/cleanup?days=7"), 401, "unauthorized");
    }

    @Test
    void retention_job_archives_tasks_finished_longer_ago_than_the_retention_hours() {
        assertThat(configuredJob.isRunning())
                .as("TASK_RETENTION_HOURS 0 keeps tasks forever")
                .isFalse();
        var oneHour = new RetentionProperties(1, Duration.ofMillis(100));
        Clock twoHoursLater = Clock.offset(clock, Duration.ofHours(2));

        assertThat(new RetentionJob(retention, oneHour, clock).archiveRound()).isZero();
        assertThat(examples.find(examples.completed).orElseThrow().archived()).isFalse();

        var twoAtATime = new TaskRetention(commands, reads, 2);
        assertThat(new RetentionJob(twoAtATime, oneHour, twoHoursLater).archiveRound())
                .isGreaterThanOrEqualTo(examples.finished().size());
        await().atMost(CATCH_UP).until(() -> examples.finished().stream()
                .allMatch(id -> examples.find(id).orElseThrow().archived()));
        assertThat(examples.find(examples.ingest).orElseThrow().archived()).isFalse();
        assertThat(examples.find(examples.retrying).orElseThrow().archived()).isFalse();

        commands.sendAndWait(new CompleteAttemptCommand(examples.ingest, 1, Map.of()));
        RetentionJob job = new RetentionJob(twoAtATime, oneHour, twoHoursLater);
        job.start();
        try {
            assertThat(job.isRunning()).isTrue();
            await().atMost(CATCH_UP)
                    .until(() -> examples.find(examples.ingest).orElseThrow().archived());
        } finally {
            job.stop();
        }
        assertThat(job.isRunning()).isFalse();
        assertThat(examples.find(examples.halfway).orElseThrow().archived()).isFalse();
    }

    private List<TaskView> finishedBefore(Instant cutoff) {
        return queries.query(
                        ListFinishedBeforeQuery.firstPage(cutoff, 10),
                        ResponseTypes.multipleInstancesOf(TaskView.class))
                .join();
    }

    private ApiClient admin() {
        return api(ADMIN_KEY);
    }

    private ApiClient viewer() {
        return api(VIEWER_KEY);
    }
}
