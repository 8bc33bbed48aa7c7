package io.taskforge.api.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taskforge.engine.numbering.TaskNumbers;
import io.taskforge.support.ApiIntegrationTest;
import io.taskforge.support.ReadModelReplay;
import io.taskforge.support.TestTask;
import io.taskforge.task.RetrySettings;
import io.taskforge.task.TaskCategory;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
import io.taskforge.task.attempts.AttemptView;
import io.taskforge.task.attempts.TaskAttemptsQuery;
import io.taskforge.task.command.ArchiveTaskCommand;
import io.taskforge.task.command.CancelTaskCommand;
import io.taskforge.task.command.CompleteAttemptCommand;
import io.taskforge.task.command.CreateTaskCommand;
import io.taskforge.task.command.FailAttemptCommand;
import io.taskforge.task.command.ReportProgressCommand;
import io.taskforge.task.command.RequeueTaskCommand;
import io.taskforge.task.command.StartAttemptCommand;
import io.taskforge.task.command.TimeOutAttemptCommand;
import io.taskforge.task.counts.TaskCounts;
import io.taskforge.task.counts.TaskCountsQuery;
import io.taskforge.task.dlq.DlqEntry;
import io.taskforge.task.dlq.DlqStatus;
import io.taskforge.task.dlq.FindDlqEntryQuery;
import io.taskforge.task.processing.ProcessingGroup;
import io.taskforge.task.processing.ProcessingGroups;
import io.taskforge.task.query.ListTasksQuery;
import io.taskforge.task.query.TaskView;
import io.taskforge.task.timeline.TaskTimelineQuery;
import io.taskforge.task.timeline.TimelineEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The read models built live from commands equal the ones rebuilt by replaying every event. */
class TaskViewProjectionIT extends ApiIntegrationTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(20);

    @Autowired
    CommandGateway commands;

    @Autowired
    QueryGateway queries;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskNumbers numbers;

    @Test
    void replay_rebuilds_the_same_views_and_counts_as_live_processing() {
        TaskCounts baseline = counts();
        String problem = "replay-" + UUID.randomUUID();
        TaskId completed = create(problem, 3);
        start(completed, 1);
        commands.sendAndWait(new ReportProgressCommand(completed, 1, 40, "halfway"));
        commands.sendAndWait(new CompleteAttemptCommand(completed, 1, Map.of("frames", 24)));
        TaskId deadLettered = create(problem, 3);
        start(deadLettered, 1);
        commands.sendAndWait(FailAttemptCommand.of(deadLettered, 1, new TaskError("http_error", "bad request", 400)));
        TaskId retrying = create(problem, 3);
        start(retrying, 1);
        commands.sendAndWait(FailAttemptCommand.of(retrying, 1, new TaskError("http_error", "unavailable", 503)));
        TaskId timedOut = create(problem, 1);
        start(timedOut, 1);
        commands.sendAndWait(new TimeOutAttemptCommand(timedOut, 1, "deadline passed"));
        TaskId cancelled = create(problem, 3);
        commands.sendAndWait(new CancelTaskCommand(cancelled, "not needed", "test"));
        TaskId requeued = create(problem, 1);
        start(requeued, 1);
        commands.sendAndWait(FailAttemptCommand.of(requeued, 1, TaskError.of("validation_error", "bad input")));
        commands.sendAndWait(new RequeueTaskCommand(requeued, "test"));
        TaskId archived = create(problem, 3);
        commands.sendAndWait(new CancelTaskCommand(archived, "old", "test"));
        commands.sendAndWait(new ArchiveTaskCommand(archived));
        jdbc.update(
                "INSERT INTO task_log (task_id, attempt, logged_at, level, message) VALUES (?, 1, ?, 'info', ?)",
                completed.value(),
                java.time.OffsetDateTime.now(),
                "a line the handler wrote");

        List<TaskView> live = await().atMost(CATCH_UP)
                .until(
                        () -> views(problem),
                        views -> views.size() == 7
                                && status(views, archived).archived()
                                && status(views, requeued).status() == TaskStatus.PENDING
                                && status(views, completed).status() == TaskStatus.COMPLETED);

        List<TaskId> created = List.of(completed, deadLettered, retrying, timedOut, cancelled, requeued, archived);
        assertThat(created)
                .extracting(id -> status(live, id).number())
                .doesNotContainNull()
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(status(live, completed).progress()).isEqualTo(100);
        assertThat(status(live, completed).result()).containsEntry("frames", 24);
        assertThat(status(live, deadLettered).status()).isEqualTo(TaskStatus.FAILED);
        assertThat(status(live, deadLettered).inDlq()).isTrue();
        assertThat(status(live, deadLettered).errorMessage()).isEqualTo("bad request");
        assertThat(status(live, retrying).status()).isEqualTo(TaskStatus.RETRY_SCHEDULED);
        assertThat(status(live, retrying).nextRetryAt()).isNotNull();
        assertThat(status(live, timedOut).status()).isEqualTo(TaskStatus.TIMEOUT);
        assertThat(status(live, cancelled).status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(status(live, requeued).inDlq()).isFalse();
        assertThat(status(live, requeued).errorType()).isNull();

        TaskCounts liveCounts = await().atMost(CATCH_UP)
                .until(
                        this::counts,
                        counts -> counts.created() == baseline.created() + 7
                                && counts.archived() == baseline.archived() + 1);
        assertThat(liveCounts.pending()).isEqualTo(baseline.pending() + 1);
        assertThat(liveCounts.retryScheduled()).isEqualTo(baseline.retryScheduled() + 1);
        assertThat(liveCounts.completed()).isEqualTo(baseline.completed() + 1);
        assertThat(liveCounts.failed()).isEqualTo(baseline.failed() + 1);
        assertThat(liveCounts.timeout()).isEqualTo(baseline.timeout() + 1);
        assertThat(liveCounts.cancelled()).isEqualTo(baseline.cancelled() + 1);
        assertThat(liveCounts.inDlq()).isEqualTo(baseline.inDlq() + 1);
        assertThat(liveCounts.running()).isEqualTo(baseline.running());

        Map<TaskId, List<Object>> liveHistories = await().atMost(CATCH_UP)
                .until(
                        () -> histories(created),
                        histories -> histories.get(requeued).get(2).equals(List.of())
                                && ((List<?>) histories.get(archived).get(0)).size() == 3
                                // one segment: once the last task's cancellation is logged, every earlier line is
                                && !((List<?>) histories.get(archived).get(3)).isEmpty());
        assertThat(((List<?>) liveHistories.get(deadLettered).get(2))).hasSize(1);
        assertThat(messages(liveHistories.get(deadLettered)))
                .anyMatch(message -> message.startsWith("moved to the dead letter queue"));
        assertThat(messages(liveHistories.get(completed))).contains("a line the handler wrote");

        jdbc.update("UPDATE task_view SET description = 'tampered', progress = 7 WHERE problem_id = ?", problem);
        jdbc.update("UPDATE task_count SET tasks = tasks + 1000");
        jdbc.update("DELETE FROM task_timeline WHERE task_id = ?", completed.value());
        jdbc.update("UPDATE task_attempt SET outcome = 'tampered'");
        jdbc.update("DELETE FROM dlq_entry");
        jdbc.update("DELETE FROM task_log WHERE task_id = ? AND event_sequence IS NOT NULL", deadLettered.value());
        jdbc.update("UPDATE task_log SET message = 'tampered' WHERE task_id = ?", retrying.value());
        for (ProcessingGroup readModel : ProcessingGroups.readModels()) {
            ReadModelReplay.replay(processing, readModel.name());
        }

        await().atMost(CATCH_UP).untilAsserted(() -> assertThat(views(problem)).isEqualTo(live));
        await().atMost(CATCH_UP).untilAsserted(() -> assertThat(counts()).isEqualTo(liveCounts));
        await().atMost(CATCH_UP)
                .untilAsserted(() -> assertThat(histories(created)).isEqualTo(liveHistories));
    }

    /** Per task: its timeline, its attempts, its dead letter entries (none or one) and its log. */
    private Map<TaskId, List<Object>> histories(List<TaskId> ids) {
        Map<TaskId, List<Object>> histories = new java.util.HashMap<>();
        for (TaskId id : ids) {
            histories.put(
                    id,
                    List.of(
                            queries.query(
                                            new TaskTimelineQuery(id),
                                            ResponseTypes.multipleInstancesOf(TimelineEntry.class))
                                    .join(),
                            queries.query(
                                            new TaskAttemptsQuery(id),
                                            ResponseTypes.multipleInstancesOf(AttemptView.class))
                                    .join(),
                            queries
                                    .query(new FindDlqEntryQuery(id), ResponseTypes.optionalInstanceOf(DlqEntry.class))
                                    .join()
                                    .filter(entry -> entry.status() == DlqStatus.PENDING)
                                    .stream()
                                    .toList(),
                            jdbc.queryForList(
                                    "SELECT attempt, logged_at, level, message, context_json, event_sequence"
                                            + " FROM task_log WHERE task_id = ? ORDER BY logged_at, id",
                                    id.value())));
        }
        return histories;
    }

    private static List<String> messages(List<Object> history) {
        return ((List<?>) history.get(3))
                .stream()
                        .map(line -> String.valueOf(((Map<?, ?>) line).get("message")))
                        .toList();
    }

    private TaskCounts counts() {
        return queries.query(new TaskCountsQuery(), TaskCounts.class).join();
    }

    private TaskId create(String problem, int maxAttempts) {
        TaskId taskId = TaskId.random();
        var definition = TestTask.noop()
                .category(TaskCategory.BACKGROUND)
                .description("replay check")
                .input(Map.of("n", 1))
                .metadata(Map.of("kind", "payment"))
                .provider("provider-a")
                .timeoutSeconds(60)
                .retry(new RetrySettings(maxAttempts, 1000, 30_000, 0.25))
                .owner("owner-1")
                .problemId(problem)
                .definition();
        commands.sendAndWait(new CreateTaskCommand(taskId, numbers.next(), definition));
        return taskId;
    }

    private void start(TaskId taskId, int attempt) {
        commands.sendAndWait(new StartAttemptCommand(taskId, attempt, "worker-1"));
    }

    private List<TaskView> views(String problem) {
        var query = new ListTasksQuery(null, null, problem, null, true, 100, 0);
        return queries.query(query, ResponseTypes.multipleInstancesOf(TaskView.class))
                .join();
    }

    private static TaskView status(List<TaskView> views, TaskId taskId) {
        return views.stream()
                .filter(view -> view.taskId().equals(taskId))
                .findFirst()
                .orElseThrow();
    }
}
