package io.taskforge.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taskforge.support.ApiIntegrationTest;
import io.taskforge.task.RetrySettings;
import io.taskforge.task.TaskCategory;
import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
import io.taskforge.task.command.ArchiveTaskCommand;
import io.taskforge.task.command.CancelTaskCommand;
import io.taskforge.task.command.CompleteAttemptCommand;
import io.taskforge.task.command.CreateTaskCommand;
import io.taskforge.task.command.FailAttemptCommand;
import io.taskforge.task.command.ReportProgressCommand;
import io.taskforge.task.command.RequeueTaskCommand;
import io.taskforge.task.command.StartAttemptCommand;
import io.taskforge.task.command.TimeOutAttemptCommand;
import io.taskforge.task.query.ListTasksQuery;
import io.taskforge.task.query.TaskView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The task view built live from commands equals the one rebuilt by replaying every event. */
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

    @Test
    void replay_rebuilds_the_same_views_as_live_processing() {
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

        List<TaskView> live = await().atMost(CATCH_UP)
                .until(
                        () -> views(problem),
                        views -> views.size() == 7
                                && status(views, archived).archived()
                                && status(views, requeued).status() == TaskStatus.PENDING
                                && status(views, completed).status() == TaskStatus.COMPLETED);

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

        jdbc.update("UPDATE task_view SET description = 'tampered', progress = 7 WHERE problem_id = ?", problem);
        replayTaskView();

        await().atMost(CATCH_UP).untilAsserted(() -> assertThat(views(problem)).isEqualTo(live));
    }

    private void replayTaskView() {
        StreamingEventProcessor processor = processing
                .eventProcessor("task-view", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    private TaskId create(String problem, int maxAttempts) {
        TaskId taskId = TaskId.random();
        var definition = new TaskDefinition(
                "noop",
                TaskCategory.BACKGROUND,
                "replay check",
                Map.of("n", 1),
                Map.of("kind", "payment"),
                "provider-a",
                0,
                60,
                new RetrySettings(maxAttempts, 1000, 30_000, 0.25),
                "owner-1",
                "test",
                problem,
                null);
        commands.sendAndWait(new CreateTaskCommand(taskId, definition));
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
