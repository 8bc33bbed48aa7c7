package io.taskforge.task.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.taskforge.task.CircuitState;
import io.taskforge.task.ErrorClassification;
import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
import io.taskforge.task.event.AttemptFailedEvent;
import io.taskforge.task.event.AttemptStartedEvent;
import io.taskforge.task.event.AttemptSucceededEvent;
import io.taskforge.task.event.CircuitBreakerOpenedEvent;
import io.taskforge.task.event.MovedToDlqEvent;
import io.taskforge.task.event.TaskArchivedEvent;
import io.taskforge.task.event.TaskCancelledEvent;
import io.taskforge.task.event.TaskCompletedEvent;
import io.taskforge.task.event.TaskCreatedEvent;
import io.taskforge.task.event.TaskFailedEvent;
import io.taskforge.task.event.TaskProgressedEvent;
import io.taskforge.task.event.TaskRequeuedEvent;
import io.taskforge.task.event.TaskRetryScheduledEvent;
import io.taskforge.task.event.TaskStartedEvent;
import io.taskforge.task.event.TaskTimedOutEvent;
import io.taskforge.task.policy.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One task's life: the only place that decides whether a transition is legal. Every change is an
 * event; the fields below only remember what the rules need.
 */
public class Task {

    @AggregateIdentifier
    private TaskId taskId;

    private TaskStatus status;
    private TaskDefinition definition;
    private Instant createdAt;
    private int attempt;
    private int attemptsBeforeThisRun;
    private Instant runStartedAt;
    private Instant attemptStartedAt;
    private Instant retryDueAt;
    private boolean archived;

    @CommandHandler
    public Task(CreateTaskCommand command, TaskPolicies policies) {
        if (command.number() < 1) {
            throw new TaskRuleViolationException(
                    command.taskId(), TaskRule.INVALID_VALUE, "task numbers start at 1, not " + command.number());
        }
        command.definition().storageProblem().ifPresent(problem -> {
            throw new TaskRuleViolationException(command.taskId(), TaskRule.INVALID_VALUE, problem);
        });
        apply(command.createdEvent(policies.clock().instant()));
    }

    @CommandHandler
    void handle(StartAttemptCommand command, TaskPolicies policies) {
        Instant now = policies.clock().instant();
        requireNotArchived();
        if (status == TaskStatus.RUNNING) {
            throw violation(TaskRule.ALREADY_RUNNING, "attempt " + attempt + " is already running");
        }
        requireUnfinished();
        if (command.attempt() != attempt + 1) {
            throw violation(
                    TaskRule.STALE_ATTEMPT, "the next attempt is " + (attempt + 1) + ", not " + command.attempt());
        }
        if (status == TaskStatus.RETRY_SCHEDULED && now.isBefore(retryDueAt)) {
            throw violation(TaskRule.RETRY_NOT_DUE, "the retry is due at " + retryDueAt);
        }
        if (attemptsInThisRun() == 0) {
            apply(new TaskStartedEvent(taskId, definition.retry(), definition.timeoutSeconds(), now));
        }
        Instant deadline = now.plusSeconds(definition.timeoutSeconds());
        apply(new AttemptStartedEvent(taskId, command.attempt(), command.workerId(), deadline, now));
    }

    @CommandHandler
    void handle(CompleteAttemptCommand command, TaskPolicies policies) {
        requireRunning(command.attempt());
        Instant now = policies.clock().instant();
        Map<String, Object> result = command.result() == null ? Map.of() : command.result();
        apply(new AttemptSucceededEvent(taskId, attempt, result, millisSince(attemptStartedAt, now), now));
        apply(new TaskCompletedEvent(taskId, result, attemptsInThisRun(), millisSince(runStartedAt, now), now));
    }

    @CommandHandler
    void handle(FailAttemptCommand command, TaskPolicies policies) {
        requireRunning(command.attempt());
        Instant now = policies.clock().instant();
        ErrorClassification classification =
                policies.errorClassifier().classify(command.error(), command.handlerVerdict());
        apply(new AttemptFailedEvent(
                taskId,
                attempt,
                command.error(),
                classification,
                command.circuitState(),
                millisSince(attemptStartedAt, now),
                now));
        String reasonToGiveUp = reasonToGiveUp(classification, command.circuitState());
        if (reasonToGiveUp == null) {
            scheduleRetry(policies, now, command.retryAfterMillis());
        } else {
            apply(new TaskFailedEvent(taskId, command.error(), attemptsInThisRun(), reasonToGiveUp, now));
            apply(new MovedToDlqEvent(
                    taskId,
                    definition.type(),
                    definition.provider(),
                    command.error(),
                    attemptsInThisRun(),
                    reasonToGiveUp,
                    policies.alertSeverity().assess(definition.metadata()),
                    now));
        }
    }

    @CommandHandler
    void handle(TimeOutAttemptCommand command, TaskPolicies policies) {
        requireRunning(command.attempt());
        Instant now = policies.clock().instant();
        TaskError error = TaskError.timeout(command.reason());
        apply(new AttemptFailedEvent(
                taskId, attempt, error, ErrorClassification.RETRYABLE, null, millisSince(attemptStartedAt, now), now));
        if (retriesExhausted()) {
            apply(new TaskTimedOutEvent(taskId, attemptsInThisRun(), now));
        } else {
            scheduleRetry(policies, now, null);
        }
    }

    @CommandHandler
    void handle(CancelTaskCommand command, TaskPolicies policies) {
        requireNotArchived();
        requireUnfinished();
        apply(new TaskCancelledEvent(
                taskId,
                command.reason(),
                command.requestedBy(),
                status,
                policies.clock().instant()));
    }

    @CommandHandler
    void handle(RequeueTaskCommand command, TaskPolicies policies) {
        requireNotArchived();
        boolean requeueable =
                status == TaskStatus.FAILED || status == TaskStatus.TIMEOUT || status == TaskStatus.CANCELLED;
        if (!requeueable) {
            throw violation(
                    TaskRule.NOT_REQUEUEABLE,
                    "only failed, timed-out or cancelled tasks can be retried; this one is " + status.wireName());
        }
        apply(new TaskRequeuedEvent(
                taskId,
                command.requestedBy(),
                status,
                attempt + 1,
                definition,
                createdAt,
                policies.clock().instant()));
    }

    @CommandHandler
    void handle(ReportProgressCommand command, TaskPolicies policies) {
        requireRunning(command.attempt());
        if (command.percent() < 0 || command.percent() > 100) {
            throw violation(TaskRule.INVALID_VALUE, "progress must lie between 0 and 100, not " + command.percent());
        }
        apply(new TaskProgressedEvent(
                taskId,
                attempt,
                command.percent(),
                command.message(),
                policies.clock().instant()));
    }

    @CommandHandler
    void handle(RecordCircuitOpenedCommand command, TaskPolicies policies) {
        requireNotArchived();
        requireUnfinished();
        apply(new CircuitBreakerOpenedEvent(
                taskId, command.provider(), policies.clock().instant()));
    }

    @CommandHandler
    void handle(ArchiveTaskCommand command, TaskPolicies policies) {
        if (archived) {
            return; // archiving is idempotent so that a repeated clean-up changes nothing
        }
        if (!status.isFinished()) {
            throw violation(
                    TaskRule.NOT_FINISHED, "only finished tasks can be archived; this one is " + status.wireName());
        }
        apply(new TaskArchivedEvent(taskId, policies.clock().instant()));
    }

    private String reasonToGiveUp(ErrorClassification classification, CircuitState circuitState) {
        if (classification == ErrorClassification.PERMANENT) {
            return "permanent error";
        }
        if (retriesExhausted()) {
            return "retries exhausted after " + attemptsInThisRun() + " attempts";
        }
        if (circuitState == CircuitState.OPEN) {
            return "circuit breaker open for provider " + definition.provider();
        }
        return null;
    }

    private void scheduleRetry(TaskPolicies policies, Instant now, Long retryAfterMillis) {
        int retryNumber = attemptsInThisRun();
        Duration delay = Backoff.of(definition.retry())
                .delayBefore(retryNumber, policies.random().nextDouble());
        String reason = "exponential backoff, retry " + retryNumber + " of "
                + (definition.retry().maxAttempts() - 1);
        if (retryAfterMillis != null && retryAfterMillis > delay.toMillis()) {
            delay = Duration.ofMillis(retryAfterMillis);
            reason = "provider asked to retry after " + retryAfterMillis + " ms";
        }
        apply(new TaskRetryScheduledEvent(
                taskId, attempt, attempt + 1, delay.toMillis(), now.plus(delay), reason, now));
    }

    private boolean retriesExhausted() {
        return attemptsInThisRun() >= definition.retry().maxAttempts();
    }

    private int attemptsInThisRun() {
        return attempt - attemptsBeforeThisRun;
    }

    private void requireRunning(int commandAttempt) {
        requireNotArchived();
        requireUnfinished();
        if (status != TaskStatus.RUNNING) {
            throw violation(TaskRule.NOT_RUNNING, "no attempt is running; the task is " + status.wireName());
        }
        if (commandAttempt != attempt) {
            throw violation(
                    TaskRule.STALE_ATTEMPT, "attempt " + commandAttempt + " is over; attempt " + attempt + " runs");
        }
    }

    private void requireUnfinished() {
        if (status.isFinished()) {
            throw violation(TaskRule.ALREADY_FINISHED, "the task is already " + status.wireName());
        }
    }

    private void requireNotArchived() {
        if (archived) {
            throw violation(TaskRule.ARCHIVED, "the task is archived");
        }
    }

    private TaskRuleViolationException violation(TaskRule rule, String message) {
        return new TaskRuleViolationException(taskId, rule, message);
    }

    private static long millisSince(Instant start, Instant now) {
        return start == null ? 0 : Duration.between(start, now).toMillis();
    }

    @EventSourcingHandler
    void on(TaskCreatedEvent event) {
        taskId = event.taskId();
        status = TaskStatus.PENDING;
        definition = event.definition();
        createdAt = event.occurredAt();
    }

    @EventSourcingHandler
    void on(TaskStartedEvent event) {
        runStartedAt = event.occurredAt();
    }

    @EventSourcingHandler
    void on(AttemptStartedEvent event) {
        status = TaskStatus.RUNNING;
        attempt = event.attempt();
        attemptStartedAt = event.occurredAt();
        retryDueAt = null;
    }

    @EventSourcingHandler
    void on(TaskRetryScheduledEvent event) {
        status = TaskStatus.RETRY_SCHEDULED;
        retryDueAt = event.dueAt();
    }

    @EventSourcingHandler
    void on(TaskCompletedEvent event) {
        status = TaskStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(TaskFailedEvent event) {
        status = TaskStatus.FAILED;
    }

    @EventSourcingHandler
    void on(TaskTimedOutEvent event) {
        status = TaskStatus.TIMEOUT;
    }

    @EventSourcingHandler
    void on(TaskCancelledEvent event) {
        status = TaskStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(TaskRequeuedEvent event) {
        status = TaskStatus.PENDING;
        attemptsBeforeThisRun = attempt;
        retryDueAt = null;
    }

    @EventSourcingHandler
    void on(TaskArchivedEvent event) {
        archived = true;
    }

    /** Axon creates an empty aggregate through this constructor before replaying its events. */
    protected Task() {}
}
