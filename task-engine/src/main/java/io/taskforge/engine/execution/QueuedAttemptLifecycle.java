package io.taskforge.engine.execution;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskforge.engine.queue.AliveReport;
import io.taskforge.engine.queue.ClaimedTask;
import io.taskforge.engine.queue.ConcurrencyLimits;
import io.taskforge.engine.queue.LeasedAttempt;
import io.taskforge.engine.queue.QueueProperties;
import io.taskforge.engine.queue.RunningTask;
import io.taskforge.engine.queue.TaskQueue;
import io.taskforge.task.StorableText;
import io.taskforge.task.TaskId;
import io.taskforge.task.command.CompleteAttemptCommand;
import io.taskforge.task.command.FailAttemptCommand;
import io.taskforge.task.command.ReportProgressCommand;
import io.taskforge.task.command.StartAttemptCommand;
import io.taskforge.task.command.TimeOutAttemptCommand;
import io.taskforge.worker.ProblemPattern;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The attempt lifecycle over the durable queue and the Task aggregate: claims and leases are rows
 * of {@code task_queue}; starts and outcomes are commands, so the aggregate decides whether each is
 * still legal and records it as an event. What a runner reports (error types and messages, progress
 * messages, results) is cleaned and bounded here, before it becomes an event, whoever the runner is.
 */
@Component
class QueuedAttemptLifecycle implements AttemptLifecycle {

    static final int MAX_PROGRESS_MESSAGE_CHARS = 500;

    private final TaskQueue queue;
    private final Commands commands;
    private final ConcurrencyLimits limits;
    private final QueueProperties properties;
    private final Clock clock;
    private final ResultLimit results;

    QueuedAttemptLifecycle(
            TaskQueue queue,
            Commands commands,
            ConcurrencyLimits limits,
            QueueProperties properties,
            Clock clock,
            ObjectMapper json) {
        this.queue = queue;
        this.commands = commands;
        this.limits = limits;
        this.properties = properties;
        this.clock = clock;
        this.results = new ResultLimit(json);
    }

    @Override
    public List<ClaimedTask> claim(String workerId, Set<String> types, int max) {
        return queue.claim(workerId, types, max, limits, clock.instant(), properties.claimTimeout());
    }

    @Override
    public List<ClaimedTask> claimMatching(String workerId, List<ProblemPattern> patterns, int capacity, int max) {
        return queue.claimMatching(
                workerId, patterns, capacity, max, limits, clock.instant(), properties.claimTimeout());
    }

    @Override
    public void release(TaskId taskId, String workerId) {
        queue.release(taskId, workerId);
    }

    @Override
    public boolean start(ClaimedTask task, String workerId) {
        if (commands.sendQuietly(new StartAttemptCommand(task.taskId(), task.attempt(), workerId))) {
            return true;
        }
        queue.release(task.taskId(), workerId);
        return false;
    }

    @Override
    public Map<TaskId, Integer> heartbeat(String workerId, Set<TaskId> taskIds) {
        Instant now = clock.instant();
        return queue.renewLeases(workerId, taskIds, now, now.plus(properties.lease()));
    }

    @Override
    public Optional<LeasedAttempt> leaseOf(TaskId taskId) {
        return queue.leaseOf(taskId);
    }

    @Override
    public List<RunningTask> runningOn(String workerId) {
        return queue.runningOn(workerId);
    }

    @Override
    public void alive(String workerId, List<AliveReport> reports) {
        queue.recordLiveness(workerId, reports);
    }

    @Override
    public boolean progress(TaskId taskId, int attempt, int percent, String message) {
        return commands.sendQuietly(new ReportProgressCommand(
                taskId, attempt, percent, StorableText.clean(message, MAX_PROGRESS_MESSAGE_CHARS)));
    }

    @Override
    public boolean succeed(TaskId taskId, int attempt, Map<String, Object> result) {
        return commands.sendQuietly(new CompleteAttemptCommand(taskId, attempt, results.bounded(result)));
    }

    @Override
    public boolean fail(TaskId taskId, int attempt, AttemptFailure failure) {
        return commands.sendQuietly(new FailAttemptCommand(
                taskId,
                attempt,
                failure.error().storable(),
                failure.verdict(),
                failure.circuit(),
                failure.retryAfter() == null ? null : failure.retryAfter().toMillis()));
    }

    @Override
    public boolean timeOut(TaskId taskId, int attempt, String reason) {
        return commands.sendQuietly(new TimeOutAttemptCommand(taskId, attempt, reason));
    }
}
