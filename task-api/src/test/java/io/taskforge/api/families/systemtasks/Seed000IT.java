package io.taskforge.api.families.systemtasks;

import static io.taskforge.support.ApiAssertions.assertError;
import static io.taskforge.support.TaskJson.assertIsoUtc;
import static io.taskforge.support.TaskJson.byId;
import static io.taskforge.support.TaskJson.fieldNames;
import static io.taskforge.support.TaskJson.ids;
import static io.taskforge.support.TaskJson.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.engine.numbering.TaskNumbers;
import io.taskforge.support.ApiClient;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.DefaultModeIntegrationTest;
import io.taskforge.support.TestTask;
import io.taskforge.task.TaskCategory;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
import io.taskforge.task.command.CancelTaskCommand;
import io.taskforge.task.command.CompleteAttemptCommand;
import io.taskforge.task.command.CreateTaskCommand;
import io.taskforge.task.command.FailAttemptCommand;
import io.taskforge.task.command.StartAttemptCommand;
import io.taskforge.task.command.TimeOutAttemptCommand;
import io.taskforge.task.counts.TaskCounts;
import io.taskforge.task.counts.TaskCountsQuery;
import io.taskforge.task.query.FindTaskQuery;
import io.taskforge.task.query.TaskView;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Replays seed 000's documented calls (its curl examples and jq filters) as its clients send them,
 * without an API key, against an engine in its default mode, with the seed's example tasks driven
 * into each state by domain commands.
 */
class Seed000IT extends DefaultModeIntegrationTest {

    private static final String SYSTEM = "/api/v1/system";
    private static final Duration CATCH_UP = Duration.ofSeconds(20);
    private static final String ATTRIBUTE_ERROR =
            "AttributeError: 'NoneType' object has no attribute 'get_current_frame'";
    private static final String TYPE_ERROR = "TypeError: unsupported operand type(s) for *: 'NoneType' and 'float'";

    @Autowired
    CommandGateway commands;

    @Autowired
    QueryGateway queries;

    @Autowired
    TaskNumbers numbers;

    private String run;
    private TaskCounts baseline;
    private TaskId render;
    private TaskId api;
    private TaskId animation;
    private TaskId pulse;
    private TaskId polling;
    private TaskId keyboard;
    private TaskId broadcaster;
    private TaskId idle;

    /** The seed's example registry: two running, two failed, one timed out, one cancelled, one completed, one pending. */
    @BeforeEach
    void seed_example_tasks() {
        run = "[" + UUID.randomUUID().toString().substring(0, 8) + "]";
        baseline = counts();
        render = create(TaskCategory.RENDER, "Frame Manager renders loops", "src.engine.frame_manager:290");
        api = create(TaskCategory.API, "FastAPI/Uvicorn Server", "src.main_asyncio:391");
        animation = create(TaskCategory.ANIMATION, "AnimationEngine main loop", "src.animations.engine:238");
        pulse = create(TaskCategory.ANIMATION, "StaticMode pulse animation", "src.animations.static_mode:88");
        polling = create(TaskCategory.HARDWARE, "ControlPanel Polling Loop", "src.hardware.control_panel:57");
        keyboard = create(TaskCategory.INPUT, "KeyboardInputAdapter", "src.input.keyboard:31");
        broadcaster = create(TaskCategory.SYSTEM, "LogBroadcaster", "src.logging.broadcaster:12");
        idle = create(TaskCategory.GENERAL, "Debounced state save", null);

        start(render);
        start(api);
        start(animation);
        commands.sendAndWait(
                FailAttemptCommand.of(animation, 1, new TaskError("AttributeError", ATTRIBUTE_ERROR, 400)));
        start(pulse);
        commands.sendAndWait(FailAttemptCommand.of(pulse, 1, new TaskError("TypeError", TYPE_ERROR, 400)));
        start(polling);
        commands.sendAndWait(new TimeOutAttemptCommand(polling, 1, "GPIO read blocked past the deadline"));
        commands.sendAndWait(new CancelTaskCommand(keyboard, "shutdown", "test"));
        start(broadcaster);
        commands.sendAndWait(new CompleteAttemptCommand(broadcaster, 1, Map.of()));

        await().atMost(CATCH_UP)
                .until(() -> status(idle) == TaskStatus.PENDING
                        && status(render) == TaskStatus.RUNNING
                        && status(api) == TaskStatus.RUNNING
                        && status(animation) == TaskStatus.FAILED
                        && status(pulse) == TaskStatus.FAILED
                        && status(polling) == TaskStatus.TIMEOUT
                        && status(keyboard) == TaskStatus.CANCELLED
                        && status(broadcaster) == TaskStatus.COMPLETED);
        await().atMost(CATCH_UP)
                .until(() -> counts().created() == baseline.created() + 8
                        && counts().running() == baseline.running() + 2
                        && counts().failed() == baseline.failed() + 2
                        && counts().timeout() == baseline.timeout() + 1
                        && counts().cancelled() == baseline.cancelled() + 1
                        && counts().inDlq() == baseline.inDlq() + 2);
    }

    // curl http://localhost:8000/api/v1/system/tasks/summary
    @Test
    void summary_counts_every_task_with_a_one_line_summary() {
        Answer summary = keyless().get(SYSTEM + "/tasks/summary");

        assertThat(summary.status()).isEqualTo(200);
        JsonNode body = summary.body();
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("summary", "total", "active", "failed", "cancelled");
        assertThat(body.path("total").asLong()).isEqualTo(baseline.created() + 8);
        assertThat(body.path("active").asLong()).isEqualTo(baseline.running() + 2);
        assertThat(body.path("failed").asLong()).isEqualTo(baseline.failed() + baseline.timeout() + 3);
        assertThat(body.path("cancelled").asLong()).isEqualTo(baseline.cancelled() + 1);
        assertThat(body.path("summary").asText())
                .isEqualTo("Total: " + body.path("total").asLong() + " | Active: "
                        + body.path("active").asLong()
                        + " | Failed: " + body.path("failed").asLong() + " | Cancelled: "
                        + body.path("cancelled").asLong())
                .matches("Total: \\d+ \\| Active: \\d+ \\| Failed: \\d+ \\| Cancelled: \\d+");
    }

    // curl http://localhost:8000/api/v1/system/tasks
    @Test
    void lists_all_tasks_newest_first_with_their_status_and_error() {
        Answer all = keyless().get(SYSTEM + "/tasks");

        assertThat(all.status()).isEqualTo(200);
        assertThat(fieldNames(all.body())).containsExactlyInAnyOrder("count", "tasks");
        assertThat(all.body().path("count").asLong()).isEqualTo(counts().current());
        List<JsonNode> tasks = list(all.body().path("tasks"));
        assertThat(tasks).hasSizeLessThanOrEqualTo(100);
        assertThat(ids(tasks).subList(0, 8))
                .containsExactly(
                        idle.toString(),
                        broadcaster.toString(),
                        keyboard.toString(),
                        polling.toString(),
                        pulse.toString(),
                        animation.toString(),
                        api.toString(),
                        render.toString());
        assertThat(tasks)
                .extracting(task -> Instant.parse(task.path("created_at").asText()))
                .isSortedAccordingTo((a, b) -> b.compareTo(a));

        assertThat(tasks.subList(0, 8))
                .allSatisfy(task -> assertThat(task.path("id").isIntegralNumber())
                        .as("id %s is an integer", task.path("id"))
                        .isTrue())
                .extracting(task -> task.path("id").asLong())
                .isSortedAccordingTo((a, b) -> Long.compare(b, a))
                .doesNotHaveDuplicates();

        JsonNode renderTask = byId(tasks, render);
        assertThat(fieldNames(renderTask))
                .containsExactlyInAnyOrder(
                        "id", "task_id", "category", "description", "created_at", "created_by", "status", "error");
        assertThat(renderTask.path("id").asLong()).isEqualTo(view(render).number());
        assertThat(renderTask.path("task_id").asText()).isEqualTo(render.toString());
        assertThat(renderTask.path("category").asText()).isEqualTo("RENDER");
        assertThat(renderTask.path("description").asText()).isEqualTo("Frame Manager renders loops " + run);
        assertThat(renderTask.path("created_by").asText()).isEqualTo("src.engine.frame_manager:290");
        assertThat(renderTask.path("status").asText()).isEqualTo("running");
        assertThat(renderTask.path("error").isNull()).isTrue();
        assertIsoUtc(renderTask.path("created_at").asText());

        JsonNode animationTask = byId(tasks, animation);
        assertThat(animationTask.path("category").asText()).isEqualTo("ANIMATION");
        assertThat(animationTask.path("status").asText()).isEqualTo("failed");
        assertThat(animationTask.path("error").asText()).isEqualTo(ATTRIBUTE_ERROR);
        assertThat(byId(tasks, polling).path("status").asText()).isEqualTo("timeout");
        assertThat(byId(tasks, polling).path("error").asText()).isEqualTo("GPIO read blocked past the deadline");
        assertThat(byId(tasks, keyboard).path("status").asText()).isEqualTo("cancelled");
        assertThat(byId(tasks, keyboard).path("error").isNull()).isTrue();
        assertThat(byId(tasks, broadcaster).path("status").asText()).isEqualTo("completed");
        assertThat(byId(tasks, idle).path("status").asText()).isEqualTo("pending");
        assertThat(byId(tasks, idle).path("category").asText()).isEqualTo("GENERAL");
        assertThat(byId(tasks, idle).path("created_by").isNull()).isTrue();
    }

    @Test
    void pages_the_task_list_with_limit_and_offset() {
        List<String> firstEight =
                ids(list(keyless().get(SYSTEM + "/tasks?limit=8").body().path("tasks")));

        Answer page = keyless().get(SYSTEM + "/tasks?limit=3&offset=2");

        assertThat(page.status()).isEqualTo(200);
        assertThat(ids(list(page.body().path("tasks")))).containsExactlyElementsOf(firstEight.subList(2, 5));
        assertThat(page.body().path("count").asLong()).isEqualTo(counts().current());
        assertError(keyless().get(SYSTEM + "/tasks?limit=0"), 400, "bad_request");
        assertError(keyless().get(SYSTEM + "/tasks?limit=1001"), 400, "bad_request");
        assertError(keyless().get(SYSTEM + "/tasks?offset=-1"), 400, "bad_request");
        assertError(keyless().get(SYSTEM + "/tasks/failed?limit=abc"), 400, "bad_request");
    }

    // curl http://localhost:8000/api/v1/system/tasks/active
    //   | jq '.tasks[] | "\(.id): \(.description) (\(.running_for_seconds)s)"'
    @Test
    void lists_running_tasks_oldest_first_with_how_long_they_have_run() throws InterruptedException {
        Thread.sleep(300);
        Instant asked = Instant.now();

        Answer active = keyless().get(SYSTEM + "/tasks/active");

        assertThat(active.status()).isEqualTo(200);
        assertThat(active.body().path("count").asLong()).isEqualTo(counts().running());
        List<JsonNode> tasks = list(active.body().path("tasks"));
        assertThat(tasks).allSatisfy(task -> assertThat(
                        status(TaskId.parse(task.path("task_id").asText())))
                .isEqualTo(TaskStatus.RUNNING));
        assertThat(tasks)
                .extracting(task -> Instant.parse(task.path("created_at").asText()))
                .isSorted();
        List<String> ids = ids(tasks);
        assertThat(ids).contains(render.toString(), api.toString());
        assertThat(ids.indexOf(render.toString())).isLessThan(ids.indexOf(api.toString()));
        assertThat(ids).doesNotContain(idle.toString(), animation.toString(), broadcaster.toString());

        JsonNode renderTask = byId(tasks, render);
        assertThat(fieldNames(renderTask))
                .containsExactlyInAnyOrder(
                        "id",
                        "task_id",
                        "category",
                        "description",
                        "created_at",
                        "running_for_seconds",
                        "stall",
                        "liveness");
        assertThat(renderTask.path("category").asText()).isEqualTo("RENDER");
        assertThat(renderTask.path("description").asText()).isEqualTo("Frame Manager renders loops " + run);
        assertIsoUtc(renderTask.path("created_at").asText());
        double seconds = renderTask.path("running_for_seconds").asDouble();
        double expected = Duration.between(view(render).startedAt(), asked).toMillis() / 1000.0;
        assertThat(seconds).isBetween(expected - 0.2, expected + 5);
        assertThat(seconds * 10).isEqualTo(Math.rint(seconds * 10));
        assertThat(renderTask.path("running_for_seconds").asDouble())
                .isGreaterThanOrEqualTo(
                        byId(tasks, api).path("running_for_seconds").asDouble());
        assertThat(renderTask.path("stall").isNull()).isTrue();
        assertThat(renderTask.path("liveness").isNull()).isTrue(); // a task that reports progress, not liveness

        assertThat(renderTask.path("id").asLong()).isEqualTo(view(render).number());
        assertThat(renderTask.path("task_id").asText()).isEqualTo(render.toString());
        assertThat(jqDebugLines(tasks))
                .contains(view(render).number() + ": Frame Manager renders loops " + run + " ("
                        + jqNumber(renderTask.path("running_for_seconds")) + "s)")
                .allMatch(line -> line.matches("\\d+: .+ \\(\\d+(\\.\\d)?s\\)"));
    }

    /**
     * What seed 000's debug session prints, {@code jq '.tasks[] | "\(.id): \(.description)
     * (\(.running_for_seconds)s)"'}, after checking that each value has the type the filter needs.
     */
    private static List<String> jqDebugLines(List<JsonNode> tasks) {
        return tasks.stream()
                .map(task -> {
                    assertThat(task.path("id").isIntegralNumber())
                            .as("id of %s", task)
                            .isTrue();
                    assertThat(task.path("description").isTextual())
                            .as("description of %s", task)
                            .isTrue();
                    assertThat(task.path("running_for_seconds").isNumber())
                            .as("running_for_seconds of %s", task)
                            .isTrue();
                    return jqNumber(task.path("id")) + ": "
                            + task.path("description").asText() + " (" + jqNumber(task.path("running_for_seconds"))
                            + "s)";
                })
                .toList();
    }

    /** A number as jq interpolates it into a string: integral values without a fraction. */
    private static String jqNumber(JsonNode number) {
        BigDecimal value = number.decimalValue().stripTrailingZeros();
        return value.scale() <= 0 ? value.toBigInteger().toString() : value.toPlainString();
    }

    // curl http://localhost:8000/api/v1/system/tasks/failed | jq '.tasks[] | select(.category == "ANIMATION")'
    @Test
    void lists_failed_and_timed_out_tasks_newest_failure_first_with_error_and_type() {
        Answer failed = keyless().get(SYSTEM + "/tasks/failed");

        assertThat(failed.status()).isEqualTo(200);
        TaskCounts counts = counts();
        assertThat(failed.body().path("count").asLong()).isEqualTo(counts.failed() + counts.timeout());
        List<JsonNode> tasks = list(failed.body().path("tasks"));
        assertThat(ids(tasks).subList(0, 3))
                .containsExactly(polling.toString(), pulse.toString(), animation.toString());
        assertThat(tasks)
                .extracting(task -> Instant.parse(task.path("failed_at").asText()))
                .isSortedAccordingTo((a, b) -> b.compareTo(a));

        List<JsonNode> animations = tasks.stream()
                .filter(task -> task.path("category").asText().equals("ANIMATION"))
                .filter(task -> task.path("description").asText().endsWith(run))
                .toList();
        assertThat(ids(animations)).containsExactly(pulse.toString(), animation.toString());
        JsonNode pulseTask = animations.getFirst();
        assertThat(fieldNames(pulseTask))
                .containsExactlyInAnyOrder(
                        "id", "task_id", "category", "description", "created_at", "failed_at", "error", "error_type");
        assertThat(pulseTask.path("description").asText()).isEqualTo("StaticMode pulse animation " + run);
        assertThat(pulseTask.path("error").asText()).isEqualTo(TYPE_ERROR);
        assertThat(pulseTask.path("error_type").asText()).isEqualTo("TypeError");
        assertIsoUtc(pulseTask.path("created_at").asText());
        assertThat(animations.getLast().path("error_type").asText()).isEqualTo("AttributeError");
        assertThat(byId(tasks, polling).path("error_type").asText()).isEqualTo("timeout");
        assertThat(ids(tasks)).doesNotContain(keyboard.toString(), broadcaster.toString(), render.toString());

        Answer secondPage = keyless().get(SYSTEM + "/tasks/failed?limit=1&offset=1");
        assertThat(ids(list(secondPage.body().path("tasks")))).containsExactly(pulse.toString());
    }

    // health=$(curl -s http://localhost:8000/api/v1/system/health | jq -r '.status')
    // if degraded: curl -s http://localhost:8000/api/v1/system/tasks/failed | jq '.tasks[] | {description, error}'
    @Test
    void health_is_degraded_with_500_while_failed_tasks_wait_in_the_dead_letter_queue() {
        Answer health = keyless().get(SYSTEM + "/health");

        assertThat(health.status()).isEqualTo(500);
        JsonNode body = health.body();
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("status", "reason", "tasks", "timestamp");
        assertThat(body.path("status").asText()).isEqualTo("degraded");
        TaskCounts counts = counts();
        assertThat(body.path("reason").asText())
                .startsWith(counts.inDlq() + " task(s) failed and wait in the dead letter queue");
        JsonNode summary = keyless().get(SYSTEM + "/tasks/summary").body();
        assertThat(fieldNames(body.path("tasks"))).containsExactlyInAnyOrder("total", "active", "failed", "cancelled");
        for (String count : List.of("total", "active", "failed", "cancelled")) {
            assertThat(body.path("tasks").path(count)).isEqualTo(summary.path(count));
        }
        assertThat(Instant.parse(body.path("timestamp").asText()))
                .isBetween(Instant.now().minusSeconds(10), Instant.now().plusSeconds(1));

        List<JsonNode> failed =
                list(keyless().get(SYSTEM + "/tasks/failed").body().path("tasks"));
        assertThat(failed)
                .extracting(task -> task.path("description").asText() + ": "
                        + task.path("error").asText())
                .contains(
                        "StaticMode pulse animation " + run + ": " + TYPE_ERROR,
                        "AnimationEngine main loop " + run + ": " + ATTRIBUTE_ERROR);
    }

    // the dashboard shows task.id as its key, and a client looks a listed task up by that id
    @Test
    void finds_each_listed_task_by_the_number_the_list_shows_as_its_id() {
        List<JsonNode> tasks =
                list(keyless().get(SYSTEM + "/tasks?limit=8").body().path("tasks"));

        assertThat(tasks).hasSize(8).allSatisfy(listed -> {
            Answer canonical =
                    keyless().get("/api/v1/tasks/" + listed.path("id").asLong());
            assertThat(canonical.status()).isEqualTo(200);
            assertThat(canonical.body().path("number")).isEqualTo(listed.path("id"));
            assertThat(canonical.text("task_id"))
                    .isEqualTo(listed.path("task_id").asText());
            assertThat(canonical.text("description"))
                    .isEqualTo(listed.path("description").asText());
        });
    }

    @Test
    void documents_every_endpoint_in_the_openapi_description() {
        JsonNode docs = api(null).get("/v3/api-docs").body();

        JsonNode paths = docs.path("paths");
        for (String path : List.of("/tasks/summary", "/tasks", "/tasks/active", "/tasks/failed", "/health")) {
            JsonNode get = paths.path(SYSTEM + path).path("get");
            assertThat(get.path("tags")).extracting(JsonNode::asText).containsExactly("Seed 000: system tasks");
            assertThat(get.path("summary").asText()).isNotBlank();
        }
        assertThat(paths.path(SYSTEM + "/tasks").path("get").path("description").asText())
                .contains("`count` is the total number of tasks")
                .contains("task counters");
        assertThat(paths.path(SYSTEM + "/health").path("get").path("responses").has("500"))
                .isTrue();
    }

    private TaskId create(TaskCategory category, String description, String createdBy) {
        TaskId taskId = TaskId.random();
        var definition = TestTask.noop()
                .category(category)
                .description(description + " " + run)
                .createdBy(createdBy)
                .problemId("seed-000-" + run)
                .definition();
        commands.sendAndWait(new CreateTaskCommand(taskId, numbers.next(), definition));
        return taskId;
    }

    private void start(TaskId taskId) {
        commands.sendAndWait(new StartAttemptCommand(taskId, 1, "worker-seed-000"));
    }

    private TaskCounts counts() {
        return queries.query(new TaskCountsQuery(), TaskCounts.class).join();
    }

    private TaskView view(TaskId taskId) {
        return find(taskId).orElseThrow();
    }

    private Optional<TaskView> find(TaskId taskId) {
        return queries.query(new FindTaskQuery(taskId), ResponseTypes.optionalInstanceOf(TaskView.class))
                .join();
    }

    private TaskStatus status(TaskId taskId) {
        return find(taskId).map(TaskView::status).orElse(null);
    }

    /** How seed 000's clients call: curl and the dashboard's fetch send no key. */
    private ApiClient keyless() {
        return api(null);
    }
}
