package io.taskforge.task.command;

import io.taskforge.task.AlertSource;
import io.taskforge.task.ErrorClassification;
import io.taskforge.task.RetrySettings;
import io.taskforge.task.TaskCategory;
import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
import io.taskforge.task.event.AlertAcknowledgedEvent;
import io.taskforge.task.event.AlertRaisedEvent;
import io.taskforge.task.event.AttemptFailedEvent;
import io.taskforge.task.event.AttemptStartedEvent;
import io.taskforge.task.event.FailureExplainedEvent;
import io.taskforge.task.event.FallbackStepAppliedEvent;
import io.taskforge.task.event.MovedToDlqEvent;
import io.taskforge.task.event.RetryRequestedEvent;
import io.taskforge.task.event.TaskCreatedEvent;
import io.taskforge.task.event.TaskFailedEvent;
import io.taskforge.task.event.TaskRequeuedEvent;
import io.taskforge.task.event.TaskRetryScheduledEvent;
import io.taskforge.task.event.TaskStartedEvent;
import io.taskforge.task.event.TaskTimedOutEvent;
import io.taskforge.task.policy.AlertSeverity;
import io.taskforge.task.recovery.FallbackChainId;
import io.taskforge.task.recovery.FallbackChainSnapshot;
import io.taskforge.task.recovery.FallbackChains;
import io.taskforge.task.recovery.FallbackRun;
import io.taskforge.task.recovery.FallbackStep;
import io.taskforge.task.recovery.FallbackStrategy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A task whose retries are spent goes through its fallback chain before the dead letter queue. */
class TaskFallbackTest {

    private static final TaskId TASK_ID = new TaskId(UUID.fromString("0b3f7a10-2c4d-4e5f-8a9b-0c1d2e3f4a5b"));
    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");
    private static final Instant EARLIER = NOW.minusSeconds(60);
    private static final String PROVIDER = "payments-gateway";
    private static final String BACKUP = "payments-backup";
    private static final Map<String, Object> INPUT = Map.of("url", "http://primary/charge", "method", "POST");
    private static final Map<String, Object> BACKUP_INPUT = Map.of("url", "http://backup/charge", "method", "POST");
    private static final TaskDefinition DEFINITION = new TaskDefinition(
            "http",
            TaskCategory.API,
            "charge",
            INPUT,
            Map.of("amount", 250, "kind", "payment"),
            PROVIDER,
            0,
            60,
            new RetrySettings(2, 1_000, 30_000, 0.25),
            null,
            null,
            null,
            null);
    private static final TaskError SERVER_ERROR = new TaskError("http_error", "503 Service Unavailable", 503);
    private static final FallbackStep RETRY_STEP = FallbackStep.retry(2, 5_000);
    private static final FallbackStep SWITCH_STEP =
            FallbackStep.switchProvider(BACKUP, Map.of("url", "http://backup/charge"));
    private static final FallbackStep ESCALATE_STEP = FallbackStep.escalate(AlertSeverity.Level.HIGH);
    private static final FallbackChainSnapshot CHAIN = new FallbackChainSnapshot(
            new FallbackChainId(UUID.fromString("7d1e2f30-4a5b-4c6d-8e9f-a0b1c2d3e4f5")),
            "payments-fallback",
            3,
            List.of(RETRY_STEP, SWITCH_STEP));
    private static final FallbackChainSnapshot ESCALATING =
            new FallbackChainSnapshot(CHAIN.chainId(), "payments-escalation", 1, List.of(ESCALATE_STEP));
    private static final UUID FIRST_ALERT =
            UUID.nameUUIDFromBytes((TASK_ID + "/alert/1").getBytes(StandardCharsets.UTF_8));

    private FixtureConfiguration<Task> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
        fixture.registerInjectableResource(TaskPolicies.standard(Clock.fixed(NOW, ZoneOffset.UTC), () -> 0L));
    }

    @Test
    void spentRetriesHandTheTaskToTheMatchingChainsFirstStep() {
        chains(CHAIN);

        fixture.given(running(2, created(), started()))
                .when(FailAttemptCommand.of(TASK_ID, 2, SERVER_ERROR))
                .expectEvents(
                        failed(2),
                        new FallbackStepAppliedEvent(TASK_ID, CHAIN, 0, RETRY_STEP, 2, 3, "http", PROVIDER, INPUT, NOW),
                        retryStepScheduled());
    }

    @Test
    void aStepRunsItsOwnBudgetBeforeTheNextStepTakesOver() {
        chains();
        List<Object> inRetryStep =
                running(3, created(), started(), failed(1), attemptStarted(2), failed(2), retryStepApplied());

        fixture.given(inRetryStep)
                .when(FailAttemptCommand.of(TASK_ID, 3, SERVER_ERROR))
                .expectEvents(
                        failed(3),
                        new TaskRetryScheduledEvent(
                                TASK_ID,
                                3,
                                4,
                                5_000,
                                NOW.plusMillis(5_000),
                                "fallback chain payments-fallback step 1 of 2 (retry): exponential backoff, retry 1 of 1",
                                NOW));
        fixture.given(then(inRetryStep, failed(3), attemptStarted(4)))
                .when(FailAttemptCommand.of(TASK_ID, 4, SERVER_ERROR))
                .expectEvents(
                        failed(4),
                        new FallbackStepAppliedEvent(
                                TASK_ID, CHAIN, 1, SWITCH_STEP, 4, 5, "http", BACKUP, BACKUP_INPUT, NOW),
                        new TaskRetryScheduledEvent(
                                TASK_ID,
                                4,
                                5,
                                0,
                                NOW,
                                "fallback chain payments-fallback step 2 of 2 (switch_provider)",
                                NOW));
    }

    @Test
    void anExhaustedChainEndsInTheDeadLetterQueueSayingWhichStepsRan() {
        chains();
        List<Object> inSwitchStep = running(
                5,
                created(),
                started(),
                failed(1),
                attemptStarted(2),
                failed(2),
                retryStepApplied(),
                attemptStarted(3),
                failed(3),
                attemptStarted(4),
                failed(4),
                new FallbackStepAppliedEvent(TASK_ID, CHAIN, 1, SWITCH_STEP, 4, 5, "http", BACKUP, BACKUP_INPUT, NOW));
        String reason =
                "fallback chain payments-fallback exhausted after 2 steps; last: retries exhausted after 1 attempts";

        fixture.given(inSwitchStep)
                .when(FailAttemptCommand.of(TASK_ID, 5, SERVER_ERROR))
                .expectEvents(
                        failed(5),
                        new TaskFailedEvent(TASK_ID, SERVER_ERROR, 5, reason, NOW),
                        new MovedToDlqEvent(
                                TASK_ID, "http", PROVIDER, SERVER_ERROR, 5, reason, AlertSeverity.Level.CRITICAL, NOW),
                        new FailureExplainedEvent(
                                TASK_ID,
                                ErrorClassification.RETRYABLE,
                                null,
                                DEFINITION.retry(),
                                5,
                                new FallbackRun(
                                        CHAIN.chainId(),
                                        "payments-fallback",
                                        3,
                                        List.of(FallbackStrategy.RETRY, FallbackStrategy.SWITCH_PROVIDER),
                                        2,
                                        false),
                                reason,
                                NOW),
                        new AlertRaisedEvent(
                                TASK_ID,
                                FIRST_ALERT,
                                AlertSeverity.Level.CRITICAL,
                                AlertSource.DEAD_LETTER,
                                "http",
                                PROVIDER,
                                SERVER_ERROR,
                                reason,
                                NOW));
    }

    @Test
    void anEscalationRaisesItsSeverityAndHoldsTheTaskForAPerson() {
        chains(ESCALATING);
        String reason = "escalated by fallback chain payments-escalation step 1 of 1 (escalate) for a person to look"
                + " at; last: retries exhausted after 2 attempts";

        fixture.given(running(2, created(), started(), failed(1)))
                .when(FailAttemptCommand.of(TASK_ID, 2, SERVER_ERROR))
                .expectEvents(
                        failed(2),
                        new FallbackStepAppliedEvent(
                                TASK_ID, ESCALATING, 0, ESCALATE_STEP, 2, 0, "http", PROVIDER, INPUT, NOW),
                        new TaskFailedEvent(TASK_ID, SERVER_ERROR, 2, reason, NOW),
                        new MovedToDlqEvent(
                                TASK_ID, "http", PROVIDER, SERVER_ERROR, 2, reason, AlertSeverity.Level.HIGH, NOW),
                        new FailureExplainedEvent(
                                TASK_ID,
                                ErrorClassification.RETRYABLE,
                                null,
                                DEFINITION.retry(),
                                2,
                                new FallbackRun(
                                        ESCALATING.chainId(),
                                        "payments-escalation",
                                        1,
                                        List.of(FallbackStrategy.ESCALATE),
                                        1,
                                        true),
                                reason,
                                NOW),
                        new AlertRaisedEvent(
                                TASK_ID,
                                FIRST_ALERT,
                                AlertSeverity.Level.HIGH,
                                AlertSource.ESCALATION,
                                "http",
                                PROVIDER,
                                SERVER_ERROR,
                                reason,
                                NOW));
    }

    @Test
    void aTimeOutOnTheLastAttemptAlsoHandsTheTaskToItsChain() {
        chains(CHAIN);

        fixture.given(running(2, created(), started(), failed(1)))
                .when(new TimeOutAttemptCommand(TASK_ID, 2, "deadline passed"))
                .expectEvents(
                        timedOut(2),
                        new FallbackStepAppliedEvent(TASK_ID, CHAIN, 0, RETRY_STEP, 2, 3, "http", PROVIDER, INPUT, NOW),
                        retryStepScheduled());
    }

    @Test
    void withoutAChainATimedOutTaskEndsTimedOutAsBefore() {
        chains();

        fixture.given(running(2, created(), started(), failed(1)))
                .when(new TimeOutAttemptCommand(TASK_ID, 2, "deadline passed"))
                .expectEvents(timedOut(2), new TaskTimedOutEvent(TASK_ID, 2, NOW));
    }

    @Test
    void aRetryWithAnEditedInputRecordsWhoWhyAndWhatAndRunsTheTaskAfresh() {
        chains();
        Map<String, Object> edited = Map.of("url", "http://primary/charge-v2", "method", "POST");

        fixture.given(deadLettered())
                .when(new RequeueTaskCommand(TASK_ID, "ops", "the v1 endpoint is gone", edited))
                .expectEvents(
                        new RetryRequestedEvent(TASK_ID, "ops", "the v1 endpoint is gone", edited, NOW),
                        new TaskRequeuedEvent(
                                TASK_ID, "ops", TaskStatus.FAILED, 3, DEFINITION.withInput(edited), EARLIER, NOW));
    }

    @Test
    void aRetryRefusesAnInputThatCannotBeStored() {
        chains();

        fixture.given(deadLettered())
                .when(new RequeueTaskCommand(TASK_ID, "ops", null, Map.of("url", "bad\u0000")))
                .expectNoEvents()
                .expectException(TaskRuleViolationException.class)
                .expectExceptionMessage("input.url contains a NUL character (U+0000), which cannot be stored");
    }

    @Test
    void anAlertIsAcknowledgedOnce() {
        chains();
        AlertAcknowledgedEvent acknowledged = new AlertAcknowledgedEvent(TASK_ID, FIRST_ALERT, "ops", "on it", NOW);

        fixture.given(deadLettered())
                .when(new AcknowledgeAlertCommand(TASK_ID, FIRST_ALERT, "ops", "on it"))
                .expectEvents(acknowledged);
        fixture.given(then(deadLettered(), acknowledged))
                .when(new AcknowledgeAlertCommand(TASK_ID, FIRST_ALERT, "ops", null))
                .expectNoEvents()
                .expectException(TaskRuleViolationException.class)
                .expectExceptionMessage("alert " + FIRST_ALERT + " was acknowledged");
        fixture.given(deadLettered())
                .when(new AcknowledgeAlertCommand(TASK_ID, UUID.randomUUID(), "ops", null))
                .expectNoEvents()
                .expectException(TaskRuleViolationException.class);
    }

    private void chains(FallbackChainSnapshot... available) {
        FallbackChains chains = (type, provider, error, classification) ->
                available.length == 0 ? Optional.empty() : Optional.of(available[0]);
        fixture.registerInjectableResource(chains);
    }

    private static List<Object> deadLettered() {
        String reason = "retries exhausted after 2 attempts";
        return then(
                created(),
                started(),
                failed(1),
                attemptStarted(2),
                failed(2),
                new TaskFailedEvent(TASK_ID, SERVER_ERROR, 2, reason, EARLIER),
                new MovedToDlqEvent(
                        TASK_ID, "http", PROVIDER, SERVER_ERROR, 2, reason, AlertSeverity.Level.CRITICAL, EARLIER),
                new AlertRaisedEvent(
                        TASK_ID,
                        FIRST_ALERT,
                        AlertSeverity.Level.CRITICAL,
                        AlertSource.DEAD_LETTER,
                        "http",
                        PROVIDER,
                        SERVER_ERROR,
                        reason,
                        EARLIER));
    }

    private static TaskRetryScheduledEvent retryStepScheduled() {
        return new TaskRetryScheduledEvent(
                TASK_ID,
                2,
                3,
                5_000,
                NOW.plusMillis(5_000),
                "fallback chain payments-fallback step 1 of 2 (retry)",
                NOW);
    }

    private static AttemptFailedEvent timedOut(int attempt) {
        return new AttemptFailedEvent(
                TASK_ID, attempt, TaskError.timeout("deadline passed"), ErrorClassification.RETRYABLE, null, 0, NOW);
    }

    private static FallbackStepAppliedEvent retryStepApplied() {
        return new FallbackStepAppliedEvent(TASK_ID, CHAIN, 0, RETRY_STEP, 2, 3, "http", PROVIDER, INPUT, EARLIER);
    }

    private static TaskCreatedEvent created() {
        return new TaskCreatedEvent(TASK_ID, 1L, DEFINITION, EARLIER);
    }

    private static Object[] started() {
        return new Object[] {new TaskStartedEvent(TASK_ID, DEFINITION.retry(), 60, EARLIER), attemptStarted(1)};
    }

    private static AttemptStartedEvent attemptStarted(int attempt) {
        return new AttemptStartedEvent(TASK_ID, attempt, "worker-1", NOW, NOW);
    }

    private static AttemptFailedEvent failed(int attempt) {
        return new AttemptFailedEvent(TASK_ID, attempt, SERVER_ERROR, ErrorClassification.RETRYABLE, null, 0, NOW);
    }

    /** The history, with every failed attempt but the running one followed by the next attempt's start. */
    private static List<Object> running(int attempt, Object... history) {
        List<Object> events = new ArrayList<>(then(history));
        boolean lastStarted = events.getLast() instanceof AttemptStartedEvent started && started.attempt() == attempt;
        if (!lastStarted) {
            events.add(attemptStarted(attempt));
        }
        return events;
    }

    private static List<Object> then(Object... events) {
        List<Object> all = new ArrayList<>();
        for (Object event : events) {
            if (event instanceof Object[] several) {
                all.addAll(List.of(several));
            } else if (event instanceof List<?> list) {
                all.addAll(list);
            } else {
                all.add(event);
            }
        }
        return all;
    }
}
