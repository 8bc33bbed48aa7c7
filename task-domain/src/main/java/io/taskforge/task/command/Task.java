package io.taskforge.task.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.taskforge.task.AlertSource;
import io.taskforge.task.CircuitState;
import io.taskforge.task.ErrorClassification;
import io.taskforge.task.RetrySettings;
import io.taskforge.task.StorableText;
import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
import io.taskforge.task.event.AlertAcknowledgedEvent;
import io.taskforge.task.event.AlertRaisedEvent;
import io.taskforge.task.event.AttemptFailedEvent;
import io.taskforge.task.event.AttemptStartedEvent;
import io.taskforge.task.event.AttemptSucceededEvent;
import io.taskforge.task.event.CircuitBreakerOpenedEvent;
import io.taskforge.task.event.FailureExplainedEvent;
import io.taskforge.task.event.FallbackStepAppliedEvent;
import io.taskforge.task.event.MovedToDlqEvent;
import io.taskforge.task.event.RetryRequestedEvent;
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
import io.taskforge.task.policy.AlertSeverity;
import io.taskforge.task.policy.Backoff;
import io.taskforge.task.recovery.FallbackChainSnapshot;
import io.taskforge.task.recovery.FallbackChains;
import io.taskforge.task.recovery.FallbackStep;
import io.taskforge.task.recovery.FallbackStrategy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
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
    private int attemptsBeforeThisPhase;
    private RetrySettings phaseRetry;
    private FallbackPosition fallback;
    private final Map<UUID, Boolean> alertsAcknowledged = new HashMap<>();
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
            apply(new TaskStartedEvent(taskId, definition.retry(), definition.timeoutSeconds(), now), telemetryTags());
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
        apply(
                new TaskCompletedEvent(taskId, result, attemptsInThisRun(), millisSince(runStartedAt, now), now),
                telemetryTags());
    }

    @CommandHandler
    void handle(FailAttemptCommand command, TaskPolicies policies, FallbackChains chains) {
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
            return;
        }
        var failure = new Failure(command.error(), classification, command.circuitState(), reasonToGiveUp);
        giveUp(failure, policies, chains, now, () -> deadLetter(failure, reasonToGiveUp, null, policies, now));
    }

    @CommandHandler
    void handle(TimeOutAttemptCommand command, TaskPolicies policies, FallbackChains chains) {
        requireRunning(command.attempt());
        Instant now = policies.clock().instant();
        TaskError error = TaskError.timeout(command.reason());
        apply(new AttemptFailedEvent(
                taskId, attempt, error, ErrorClassification.RETRYABLE, null, millisSince(attemptStartedAt, now), now));
        if (!retriesExhausted()) {
            scheduleRetry(policies, now, null);
            return;
        }
        var failure = new Failure(error, ErrorClassification.RETRYABLE, null, "timed out on its last attempt");
        giveUp(
                failure,
                policies,
                chains,
                now,
                () -> apply(new TaskTimedOutEvent(taskId, attemptsInThisRun(), now), telemetryTags()));
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
        TaskDefinition next = command.input() == null ? definition : definition.withInput(command.input());
        next.storageProblem().ifPresent(problem -> {
            throw violation(TaskRule.INVALID_VALUE, problem);
        });
        requireStorable("reason", command.reason());
        Instant now = policies.clock().instant();
        if (command.reason() != null || command.input() != null) {
            apply(new RetryRequestedEvent(taskId, command.requestedBy(), command.reason(), command.input(), now));
        }
        apply(new TaskRequeuedEvent(taskId, command.requestedBy(), status, attempt + 1, next, createdAt, now));
    }

    @CommandHandler
    void handle(AcknowledgeAlertCommand command, TaskPolicies policies) {
        Boolean acknowledged = alertsAcknowledged.get(command.alertId());
        if (acknowledged == null) {
            throw violation(TaskRule.UNKNOWN_ALERT, "the task raised no alert " + command.alertId());
        }
        if (acknowledged) {
            throw violation(TaskRule.ALERT_ALREADY_ACKNOWLEDGED, "alert " + command.alertId() + " was acknowledged");
        }
        requireStorable("note", command.note());
        apply(new AlertAcknowledgedEvent(
                taskId,
                command.alertId(),
                command.acknowledgedBy(),
                command.note(),
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

    /** What made the task give up on its current budget. */
    private record Failure(TaskError error, ErrorClassification classification, CircuitState circuit, String reason) {}

    /**
     * The budget is spent: the next step of the task's fallback chain takes over, or the first step
     * of the chain that matches the failure. A task whose chain has no step left goes to the dead
     * letter queue; a task no chain takes ends as it would without chains.
     */
    private void giveUp(
            Failure failure, TaskPolicies policies, FallbackChains chains, Instant now, Runnable withoutChain) {
        if (fallback == null) {
            Optional<FallbackChainSnapshot> chain =
                    chains.matching(currentType(), currentProvider(), failure.error(), failure.classification());
            if (chain.isPresent()) {
                applyStep(chain.get(), 0, failure, policies, now);
            } else {
                withoutChain.run();
            }
        } else if (fallback.hasNext()) {
            applyStep(fallback.chain(), fallback.stepIndex() + 1, failure, policies, now);
        } else {
            String reason = "fallback chain " + fallback.chain().name() + " exhausted after "
                    + fallback.chain().steps().size() + " steps; last: " + failure.reason();
            deadLetter(failure, reason, null, policies, now);
        }
    }

    private void applyStep(
            FallbackChainSnapshot chain, int index, Failure failure, TaskPolicies policies, Instant now) {
        FallbackStep step = chain.steps().get(index);
        boolean escalation = step.strategy() == FallbackStrategy.ESCALATE;
        apply(
                new FallbackStepAppliedEvent(
                        taskId,
                        chain,
                        index,
                        step,
                        attempt,
                        escalation ? 0 : attempt + 1,
                        step.type() != null ? step.type() : currentType(),
                        step.provider() != null ? step.provider() : currentProvider(),
                        step.inputOver(currentInput()),
                        now),
                telemetryTags());
        if (escalation) {
            String reason =
                    "escalated by " + fallback.describe() + " for a person to look at; last: " + failure.reason();
            deadLetter(failure, reason, step.severity(), policies, now);
            return;
        }
        Duration delay = step.strategy() == FallbackStrategy.RETRY
                ? Backoff.of(phaseRetry).delayBefore(1, policies.random().nextDouble())
                : Duration.ZERO;
        apply(
                new TaskRetryScheduledEvent(
                        taskId, attempt, attempt + 1, delay.toMillis(), now.plus(delay), fallback.describe(), now),
                telemetryTags());
    }

    /** The task is given up to the dead letter queue, with why, and an alert is raised. */
    private void deadLetter(
            Failure failure, String reason, AlertSeverity.Level escalatedTo, TaskPolicies policies, Instant now) {
        AlertSeverity.Level severity =
                escalatedTo != null ? escalatedTo : policies.alertSeverity().assess(definition.metadata());
        int attempts = attemptsInThisRun();
        apply(new TaskFailedEvent(taskId, failure.error(), attempts, reason, now), telemetryTags());
        apply(new MovedToDlqEvent(
                taskId, definition.type(), definition.provider(), failure.error(), attempts, reason, severity, now));
        apply(
                new FailureExplainedEvent(
                        taskId,
                        failure.classification(),
                        failure.circuit(),
                        definition.retry(),
                        attempts,
                        fallback == null ? null : fallback.run(),
                        reason,
                        now),
                telemetryTags());
        boolean escalated = fallback != null && fallback.step().strategy() == FallbackStrategy.ESCALATE;
        apply(new AlertRaisedEvent(
                taskId,
                nextAlertId(),
                severity,
                escalated ? AlertSource.ESCALATION : AlertSource.DEAD_LETTER,
                definition.type(),
                definition.provider(),
                failure.error(),
                reason,
                now));
    }

    /** Derived from the task and the alert's number in it: no randomness, and a replay finds the same id. */
    private UUID nextAlertId() {
        String name = taskId + "/alert/" + (alertsAcknowledged.size() + 1);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** What telemetry tags the task's outcomes with, without every event carrying it. */
    private MetaData telemetryTags() {
        MetaData tags = MetaData.with(TelemetryTags.TYPE, currentType());
        return currentProvider() == null ? tags : tags.and(TelemetryTags.PROVIDER, currentProvider());
    }

    private String currentType() {
        return fallback == null ? definition.type() : fallback.type();
    }

    private String currentProvider() {
        return fallback == null ? definition.provider() : fallback.provider();
    }

    private Map<String, Object> currentInput() {
        return fallback == null ? definition.input() : fallback.input();
    }

    private void requireStorable(String field, String text) {
        if (text != null && text.length() > TaskDefinition.MAX_DESCRIPTION_CHARS) {
            throw violation(
                    TaskRule.INVALID_VALUE,
                    field + " is longer than " + TaskDefinition.MAX_DESCRIPTION_CHARS + " characters");
        }
        StorableText.problemIn(field, text).ifPresent(problem -> {
            throw violation(TaskRule.INVALID_VALUE, problem);
        });
    }

    private String reasonToGiveUp(ErrorClassification classification, CircuitState circuitState) {
        if (classification == ErrorClassification.PERMANENT) {
            return "permanent error";
        }
        if (retriesExhausted()) {
            return "retries exhausted after " + attemptsInPhase() + " attempts";
        }
        if (circuitState == CircuitState.OPEN) {
            return "circuit breaker open for provider " + currentProvider();
        }
        return null;
    }

    private void scheduleRetry(TaskPolicies policies, Instant now, Long retryAfterMillis) {
        int retryNumber = attemptsInPhase();
        Duration delay = Backoff.of(phaseRetry)
                .delayBefore(retryNumber, policies.random().nextDouble());
        String reason = "exponential backoff, retry " + retryNumber + " of " + (phaseRetry.maxAttempts() - 1);
        if (retryAfterMillis != null && retryAfterMillis > delay.toMillis()) {
            delay = Duration.ofMillis(retryAfterMillis);
            reason = "provider asked to retry after " + retryAfterMillis + " ms";
        }
        if (fallback != null) {
            reason = fallback.describe() + ": " + reason;
        }
        apply(
                new TaskRetryScheduledEvent(
                        taskId, attempt, attempt + 1, delay.toMillis(), now.plus(delay), reason, now),
                telemetryTags());
    }

    /** Whether the current budget (the task's own, or its fallback step's) is spent. */
    private boolean retriesExhausted() {
        return attemptsInPhase() >= phaseRetry.maxAttempts();
    }

    private int attemptsInPhase() {
        return attempt - attemptsBeforeThisPhase;
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
        phaseRetry = definition.retry();
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
        if (event.definition() != null) {
            definition = event.definition();
        }
        attemptsBeforeThisRun = attempt;
        attemptsBeforeThisPhase = attempt;
        phaseRetry = definition.retry();
        fallback = null;
        retryDueAt = null;
    }

    @EventSourcingHandler
    void on(FallbackStepAppliedEvent event) {
        fallback =
                new FallbackPosition(event.chain(), event.stepIndex(), event.type(), event.provider(), event.input());
        attemptsBeforeThisPhase = attempt;
        phaseRetry = event.step().retrySettings();
    }

    @EventSourcingHandler
    void on(AlertRaisedEvent event) {
        alertsAcknowledged.put(event.alertId(), false);
    }

    @EventSourcingHandler
    void on(AlertAcknowledgedEvent event) {
        alertsAcknowledged.put(event.alertId(), true);
    }

    @EventSourcingHandler
    void on(TaskArchivedEvent event) {
        archived = true;
    }

    /** Axon creates an empty aggregate through this constructor before replaying its events. */
    protected Task() {}
}
