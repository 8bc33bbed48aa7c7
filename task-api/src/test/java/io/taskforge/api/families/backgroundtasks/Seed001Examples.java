package io.taskforge.api.families.backgroundtasks;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.engine.numbering.TaskNumbers;
import io.taskforge.support.ApiClient;
import io.taskforge.support.TestTask;
import io.taskforge.task.RetrySettings;
import io.taskforge.task.TaskCategory;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
import io.taskforge.task.command.CancelTaskCommand;
import io.taskforge.task.command.CompleteAttemptCommand;
import io.taskforge.task.command.CreateTaskCommand;
import io.taskforge.task.command.FailAttemptCommand;
import io.taskforge.task.command.ReportProgressCommand;
import io.taskforge.task.command.StartAttemptCommand;
import io.taskforge.task.command.TimeOutAttemptCommand;
import io.taskforge.task.query.FindTaskQuery;
import io.taskforge.task.query.TaskView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Seed 001's example tasks, driven into each state by domain commands: two running, a pending one,
 * a retry, two completed, one failed, one timed out and one cancelled.
 */
final class Seed001Examples {

    static final Duration CATCH_UP = Duration.ofSeconds(20);
    static final Set<String> TASK_FIELDS = Set.of(
            "task_id",
            "command",
            "status",
            "created_at",
            "started_at",
            "completed_at",
            "error_message",
            "progress",
            "metadata");
    static final List<String> INGEST_ARGV =
            List.of("python", "-m", "src.worker.ingest_worker", "--videos", "dQw4w9WgXcQ");
    static final List<String> TEMPORAL_ARGV = List.of("background_video_processing", "--videos", "9bZkp7q19f0");

    final TaskId ingest;
    final TaskId halfway;
    final TaskId temporal;
    final TaskId retrying;
    final TaskId completed;
    final TaskId reported;
    final TaskId failed;
    final TaskId timedOut;
    final TaskId cancelled;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final TaskNumbers numbers;
    private final ApiClient reader;
    private final JsonNode baseline;
    private final String run = UUID.randomUUID().toString();

    /** Creates the tasks and waits until the read models show them; {@code reader} reads {@code /tasks/stats}. */
    Seed001Examples(CommandGateway commands, QueryGateway queries, TaskNumbers numbers, ApiClient reader) {
        this.commands = commands;
        this.queries = queries;
        this.numbers = numbers;
        this.reader = reader;
        baseline = stats();
        ingest = create(INGEST_ARGV, Map.of("videos", List.of("dQw4w9WgXcQ"), "request_type", "ingest"), 1);
        halfway = create(null, Map.of("request_type", "ingest"), 1);
        temporal = create(
                TEMPORAL_ARGV, Map.of("video_ids", List.of("9bZkp7q19f0"), "request_type", "temporal_video_ingest"), 1);
        retrying = create(null, Map.of(), 3);
        completed = create(INGEST_ARGV, Map.of("videos", List.of("dQw4w9WgXcQ"), "request_type", "ingest"), 1);
        reported = create(null, Map.of(), 1);
        failed = create(null, Map.of(), 1);
        timedOut = create(null, Map.of(), 1);
        cancelled = create(null, Map.of(), 1);

        start(ingest);
        commands.sendAndWait(new ReportProgressCommand(ingest, 1, 30, "Processing video segments..."));
        start(halfway);
        commands.sendAndWait(new ReportProgressCommand(halfway, 1, 45, null));
        start(retrying);
        commands.sendAndWait(FailAttemptCommand.of(retrying, 1, new TaskError("http_error", "unavailable", 503)));
        start(completed);
        commands.sendAndWait(new CompleteAttemptCommand(completed, 1, Map.of()));
        start(reported);
        commands.sendAndWait(new ReportProgressCommand(reported, 1, 100, "Task completed successfully"));
        commands.sendAndWait(new CompleteAttemptCommand(reported, 1, Map.of()));
        start(failed);
        commands.sendAndWait(FailAttemptCommand.of(failed, 1, new TaskError("http_error", "bad request", 400)));
        start(timedOut);
        commands.sendAndWait(new TimeOutAttemptCommand(timedOut, 1, "deadline passed"));
        commands.sendAndWait(new CancelTaskCommand(cancelled, "not needed", "test"));

        await().atMost(CATCH_UP)
                .until(() -> status(ingest) == TaskStatus.RUNNING
                        && "Processing video segments..."
                                .equals(find(ingest).orElseThrow().progressMessage())
                        && find(halfway).orElseThrow().progress() == 45
                        && status(temporal) == TaskStatus.PENDING
                        && status(retrying) == TaskStatus.RETRY_SCHEDULED
                        && status(completed) == TaskStatus.COMPLETED
                        && status(reported) == TaskStatus.COMPLETED
                        && status(failed) == TaskStatus.FAILED
                        && status(timedOut) == TaskStatus.TIMEOUT
                        && status(cancelled) == TaskStatus.CANCELLED);
        await().atMost(CATCH_UP)
                .until(() -> stats().path("total_tasks").asLong() == count("total_tasks") + 9
                        && stats().path("completed_tasks").asLong() == count("completed_tasks") + 2);
    }

    List<TaskId> finished() {
        return List.of(completed, reported, failed, timedOut, cancelled);
    }

    List<TaskId> unfinished() {
        return List.of(ingest, halfway, temporal, retrying);
    }

    Optional<TaskView> find(TaskId taskId) {
        return queries.query(new FindTaskQuery(taskId), ResponseTypes.optionalInstanceOf(TaskView.class))
                .join();
    }

    TaskStatus status(TaskId taskId) {
        return find(taskId).map(TaskView::status).orElse(null);
    }

    JsonNode stats() {
        return reader.get("/tasks/stats").body();
    }

    /** A count of {@code /tasks/stats} as it was before these tasks were created. */
    long count(String field) {
        return baseline.path(field).asLong();
    }

    private TaskId create(List<String> argv, Map<String, Object> metadata, int maxAttempts) {
        TaskId taskId = TaskId.random();
        var definition = TestTask.noop()
                .type(argv == null ? "noop" : "command")
                .category(TaskCategory.BACKGROUND)
                .description("seed 001 example")
                .input(argv == null ? Map.of() : Map.of("argv", argv))
                .metadata(metadata)
                .retry(new RetrySettings(maxAttempts, 60_000, 60_000, 0))
                .problemId("seed-001-" + run)
                .definition();
        commands.sendAndWait(new CreateTaskCommand(taskId, numbers.next(), definition));
        return taskId;
    }

    private void start(TaskId taskId) {
        commands.sendAndWait(new StartAttemptCommand(taskId, 1, "worker-seed-001"));
    }
}
