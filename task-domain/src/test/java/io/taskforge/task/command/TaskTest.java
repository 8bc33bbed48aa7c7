package io.taskforge.task.command;

import io.taskforge.task.AlertSource;
import io.taskforge.task.CircuitState;
import io.taskforge.task.ErrorClassification;
import io.taskforge.task.RetrySettings;
import io.taskforge.task.TaskCategory;
import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.task.TaskStatus;
import io.taskforge.task.event.AlertRaisedEvent;
import io.taskforge.task.event.AttemptFailedEvent;
import io.taskforge.task.event.AttemptStartedEvent;
import io.taskforge.task.event.AttemptSucceededEvent;
import io.taskforge.task.event.CircuitBreakerOpenedEvent;
import io.taskforge.task.event.FailureExplainedEvent;
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
import io.taskforge.task.policy.AlertSeverity;
import io.taskforge.task.recovery.FallbackChains;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaskTest {

    private static final TaskId TASK_ID = new TaskId(UUID.fromString("6f1c2a52-8d3e-4b7a-9c10-2f4e5d6a7b81"));
    private static final long NUMBER = 42;
    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");
    private static final Instant CREATED_AT = NOW.minusSeconds(600);
    private static final Instant ATTEMPT_1_AT = NOW.minusSeconds(300);
    private static final Instant ATTEMPT_2_AT = NOW.minusSeconds(120);
    private static final Instant ATTEMPT_3_AT = NOW.minusSeconds(30);
    private static final Instant FINISHED_AT = NOW.minusSeconds(20);
    private static final Instant RERUN_AT = NOW.minusSeconds(10);

    private static final double FIXED_RANDOM = 0.5;
    private static final long TIMEOUT_SECONDS = 60;
    private static final RetrySettings RETRY = new RetrySettings(3, 1_000, 30_000, 0.25);
    private static final long FIRST_RETRY_DELAY_MILLIS = 875;
    private static final long SECOND_RETRY_DELAY_MILLIS = 1_750;

    private static final String WORKER = "worker-7";
    private static final String PROVIDER = "payments-gateway";
    private static final String OPERATOR = "ops@taskforge.io";
    private static final Map<String, Object> METADATA = Map.of("kind", "report", "amount", 12);
    private static final TaskDefinition DEFINITION = definitionWith(METADATA);

    private static final TaskError SERVER_ERROR = new TaskError("http_error", "503 Service Unavailable", 503);
    private static final TaskError BAD_REQUEST = new TaskError("http_error", "400 Bad Request", 400);
    private static final Map<String, Object> RESULT = Map.of("status", 200, "body", "ok");

    private FixtureConfiguration<Task> fixture;
    private SettableClock clock;

    @BeforeEach
    void setUp() {
        clock = new SettableClock(NOW);
        fixture = new AggregateTestFixture<>(Task.class);
        fixture.registerInjectableResource(TaskPolicies.standard(clock, new FixedRandom(FIXED_RANDOM)));
        fixture.registerInjectableResource(FallbackChains.NONE);
    }

    @Test
    void createRecordsTheNumberAndTheDefinitionAtTheCurrentTime() {
        fixture.givenNoPriorActivity()
                .when(new CreateTaskCommand(TASK_ID, NUMBER, DEFINITION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TaskCreatedEvent(TASK_ID, NUMBER, DEFINITION, NOW));
    }

    @Test
    void createRecordsTheTimeTheSubmissionWasAcceptedWhenTheCommandStatesIt() {
        Instant accepted = NOW.minusMillis(3);

        fixture.givenNoPriorActivity()
                .when(new CreateTaskCommand(TASK_ID, NUMBER, DEFINITION, accepted))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TaskCreatedEvent(TASK_ID, NUMBER, DEFINITION, accepted));
    }

    @Test
    void createRefusesADefinitionThatCannotBeStored() {
        TaskDefinition withNul = definitionWith(Map.of("note", "bad\u0000byte"));

        fixture.givenNoPriorActivity()
                .when(new CreateTaskCommand(TASK_ID, NUMBER, withNul))
                .expectNoEvents()
                .expectException(TaskRuleViolationException.class)
                .expectExceptionMessage("metadata.note contains a NUL character (U+0000), which cannot be stored");
    }

    @Test
    void firstStartBeginsTheRunAndTheAttemptWithDeadline() {
        fixture.given(pending())
                .when(new StartAttemptCommand(TASK_ID, 1, WORKER))
                .expectEvents(
                        new TaskStartedEvent(TASK_ID, RETRY, TIMEOUT_SECONDS, NOW),
                        new AttemptStartedEvent(TASK_ID, 1, WORKER, NOW.plusSeconds(60), NOW));
    }

    @Test
    void laterAttemptOnlyStartsTheAttempt() {
        fixture.given(retryScheduledAfterFirstAttempt(NOW))
                .when(new StartAttemptCommand(TASK_ID, 2, WORKER))
                .expectEvents(new AttemptStartedEvent(TASK_ID, 2, WORKER, NOW.plusSeconds(60), NOW));
    }

    @Test
    void retryStartsOnceItsBackoffHasElapsed() {
        TestExecutor<Task> afterFirstFailure = fixture.givenCommands(
                new CreateTaskCommand(TASK_ID, NUMBER, DEFINITION),
                new StartAttemptCommand(TASK_ID, 1, WORKER),
                FailAttemptCommand.of(TASK_ID, 1, SERVER_ERROR));
        Instant due = NOW.plusMillis(FIRST_RETRY_DELAY_MILLIS);
        clock.set(due);

        afterFirstFailure
                .when(new StartAttemptCommand(TASK_ID, 2, WORKER))
                .expectEvents(new AttemptStartedEvent(TASK_ID, 2, WORKER, due.plusSeconds(60), due));
    }

    @Test
    void completeRecordsAttemptAndRunDurations() {
        fixture.given(secondAttemptRunning())
                .when(new CompleteAttemptCommand(TASK_ID, 2, RESULT))
                .expectEvents(
                        new AttemptSucceededEvent(TASK_ID, 2, RESULT, 120_000, NOW),
                        new TaskCompletedEvent(TASK_ID, RESULT, 2, 300_000, NOW));
    }

    @Test
    void completeWithoutResultRecordsAnEmptyResult() {
        fixture.given(firstAttemptRunning())
                .when(new CompleteAttemptCommand(TASK_ID, 1, null))
                .expectEvents(
                        new AttemptSucceededEvent(TASK_ID, 1, Map.of(), 300_000, NOW),
                        new TaskCompletedEvent(TASK_ID, Map.of(), 1, 300_000, NOW));
    }

    @Test
    void retryableFailureWithBudgetLeftSchedulesBackoffRetry() {
        fixture.given(firstAttemptRunning())
                .when(FailAttemptCommand.of(TASK_ID, 1, SERVER_ERROR))
                .expectEvents(
                        new AttemptFailedEvent(
                                TASK_ID, 1, SERVER_ERROR, ErrorClassification.RETRYABLE, null, 300_000, NOW),
                        new TaskRetryScheduledEvent(
                                TASK_ID,
                                1,
                                2,
                                FIRST_RETRY_DELAY_MILLIS,
                                NOW.plusMillis(FIRST_RETRY_DELAY_MILLIS),
                                "exponential backoff, retry 1 of 2",
                                NOW));
    }

    @Test
    void secondRetryWaitsTwiceAsLong() {
        fixture.given(secondAttemptRunning())
                .when(FailAttemptCommand.of(TASK_ID, 2, SERVER_ERROR))
                .expectEvents(
                        new AttemptFailedEvent(
                                TASK_ID, 2, SERVER_ERROR, ErrorClassification.RETRYABLE, null, 120_000, NOW),
                        new TaskRetryScheduledEvent(
                                TASK_ID,
                                2,
                                3,
                                SECOND_RETRY_DELAY_MILLIS,
                                NOW.plusMillis(SECOND_RETRY_DELAY_MILLIS),
                                "exponential backoff, retry 2 of 2",
                                NOW));
    }

    @Test
    void retryAfterLongerThanBackoffWins() {
        TaskError tooManyRequests = new TaskError("http_error", "429 Too Many Requests", 429);

        fixture.given(firstAttemptRunning())
                .when(new FailAttemptCommand(TASK_ID, 1, tooManyRequests, null, CircuitState.CLOSED, 5_000L))
                .expectEvents(
                        new AttemptFailedEvent(
                                TASK_ID,
                                1,
                                tooManyRequests,
                                ErrorClassification.RETRYABLE,
                                CircuitState.CLOSED,
                                300_000,
                                NOW),
                        new TaskRetryScheduledEvent(
                                TASK_ID,
                                1,
                                2,
                                5_000,
                                NOW.plusMillis(5_000),
                                "provider asked to retry after 5000 ms",
                                NOW));
    }

    @Test
    void backoffLongerThanRetryAfterWins() {
        fixture.given(firstAttemptRunning())
                .when(new FailAttemptCommand(TASK_ID, 1, SERVER_ERROR, null, CircuitState.CLOSED, 500L))
                .expectEvents(
                        new AttemptFailedEvent(
                                TASK_ID,
                                1,
                                SERVER_ERROR,
                                ErrorClassification.RETRYABLE,
                                CircuitState.CLOSED,
                                300_000,
                                NOW),
                        new TaskRetryScheduledEvent(
                                TASK_ID,
                                1,
                                2,
                                FIRST_RETRY_DELAY_MILLIS,
                                NOW.plusMillis(FIRST_RETRY_DELAY_MILLIS),
                                "exponential backoff, retry 1 of 2",
                                NOW));
    }

    @Test
    void permanentFailureMovesTaskToDlq() {
        fixture.given(firstAttemptRunning())
                .when(FailAttemptCommand.of(TASK_ID, 1, BAD_REQUEST))
                .expectEvents(
                        new AttemptFailedEvent(
                                TASK_ID, 1, BAD_REQUEST, ErrorClassification.PERMANENT, null, 300_000, NOW),
                        new TaskFailedEvent(TASK_ID, BAD_REQUEST, 1, "permanent error", NOW),
                        new MovedToDlqEvent(
                                TASK_ID,
                                "http",
                                PROVIDER,
                                BAD_REQUEST,
                                1,
                                "permanent error",
                                AlertSeverity.Level.MEDIUM,
                                NOW),
                        explained(BAD_REQUEST, ErrorClassification.PERMANENT, null, 1, "permanent error"),
                        alert(AlertSeverity.Level.MEDIUM, BAD_REQUEST, "permanent error"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("alertSeverities")
    void dlqAlertSeverityFollowsMetadata(Map<String, Object> metadata, AlertSeverity.Level severity) {
        TaskDefinition definition = definitionWith(metadata);

        fixture.given(firstAttemptRunning(definition))
                .when(FailAttemptCommand.of(TASK_ID, 1, BAD_REQUEST))
                .expectEvents(
                        new AttemptFailedEvent(
                                TASK_ID, 1, BAD_REQUEST, ErrorClassification.PERMANENT, null, 300_000, NOW),
                        new TaskFailedEvent(TASK_ID, BAD_REQUEST, 1, "permanent error", NOW),
                        new MovedToDlqEvent(
                                TASK_ID, "http", PROVIDER, BAD_REQUEST, 1, "permanent error", severity, NOW),
                        explained(BAD_REQUEST, ErrorClassification.PERMANENT, null, 1, "permanent error"),
                        alert(severity, BAD_REQUEST, "permanent error"));
    }

    static Stream<Arguments> alertSeverities() {
        return Stream.of(
                Arguments.of(Map.of("amount", 100), AlertSeverity.Level.CRITICAL),
                Arguments.of(Map.of("amount", 2_500, "kind", "payment"), AlertSeverity.Level.CRITICAL),
                Arguments.of(Map.of("amount", 99, "kind", "payment"), AlertSeverity.Level.HIGH),
                Arguments.of(Map.of("kind", "payment"), AlertSeverity.Level.HIGH),
                Arguments.of(Map.of("kind", "report"), AlertSeverity.Level.MEDIUM),
                Arguments.of(Map.of(), AlertSeverity.Level.MEDIUM));
    }

    @Test
    void failureOnLastAttemptSpendsTheBudget() {
        fixture.given(lastAttemptRunning())
                .when(FailAttemptCommand.of(TASK_ID, 3, SERVER_ERROR))
                .expectEvents(
                        new AttemptFailedEvent(
                                TASK_ID, 3, SERVER_ERROR, ErrorClassification.RETRYABLE, null, 30_000, NOW),
                        new TaskFailedEvent(TASK_ID, SERVER_ERROR, 3, "retries exhausted after 3 attempts", NOW),
                        new MovedToDlqEvent(
                                TASK_ID,
                                "http",
                                PROVIDER,
                                SERVER_ERROR,
                                3,
                                "retries exhausted after 3 attempts",
                                AlertSeverity.Level.MEDIUM,
                                NOW),
                        explained(
                                SERVER_ERROR,
                                ErrorClassification.RETRYABLE,
                                null,
                                3,
                                "retries exhausted after 3 attempts"),
                        alert(AlertSeverity.Level.MEDIUM, SERVER_ERROR, "retries exhausted after 3 attempts"));
    }

    @Test
    void openCircuitGivesUpDespiteBudgetLeft() {
        String reason = "circuit breaker open for provider " + PROVIDER;

        fixture.given(firstAttemptRunning())
                .when(new FailAttemptCommand(TASK_ID, 1, SERVER_ERROR, null, CircuitState.OPEN, null))
                .expectEvents(
                        new AttemptFailedEvent(
                                TASK_ID,
                                1,
                                SERVER_ERROR,
                                ErrorClassification.RETRYABLE,
                                CircuitState.OPEN,
                                300_000,
                                NOW),
                        new TaskFailedEvent(TASK_ID, SERVER_ERROR, 1, reason, NOW),
                        new MovedToDlqEvent(
                                TASK_ID, "http", PROVIDER, SERVER_ERROR, 1, reason, AlertSeverity.Level.MEDIUM, NOW),
                        explained(SERVER_ERROR, ErrorClassification.RETRYABLE, CircuitState.OPEN, 1, reason),
                        alert(AlertSeverity.Level.MEDIUM, SERVER_ERROR, reason));
    }

    @ParameterizedTest
    @EnumSource(
            value = CircuitState.class,
            names = {"CLOSED", "HALF_OPEN"})
    void circuitNotOpenStillRetries(CircuitState circuitState) {
        fixture.given(firstAttemptRunning())
                .when(new FailAttemptCommand(TASK_ID, 1, SERVER_ERROR, null, circuitState, null))
                .expectEvents(
                        new AttemptFailedEvent(
                                TASK_ID, 1, SERVER_ERROR, ErrorClassification.RETRYABLE, circuitState, 300_000, NOW),
                        new TaskRetryScheduledEvent(
                                TASK_ID,
                                1,
                                2,
                                FIRST_RETRY_DELAY_MILLIS,
                                NOW.plusMillis(FIRST_RETRY_DELAY_MILLIS),
                                "exponential backoff, retry 1 of 2",
                                NOW));
    }

    @Test
    void permanentHandlerVerdictOverridesRetryableStatus() {
        fixture.given(firstAttemptRunning())
                .when(new FailAttemptCommand(TASK_ID, 1, SERVER_ERROR, ErrorClassification.PERMANENT, null, null))
                .expectEvents(
                        new AttemptFailedEvent(
                                TASK_ID, 1, SERVER_ERROR, ErrorClassification.PERMANENT, null, 300_000, NOW),
                        new TaskFailedEvent(TASK_ID, SERVER_ERROR, 1, "permanent error", NOW),
                        new MovedToDlqEvent(
                                TASK_ID,
                                "http",
                                PROVIDER,
                                SERVER_ERROR,
                                1,
                                "permanent error",
                                AlertSeverity.Level.MEDIUM,
                                NOW),
                        explained(SERVER_ERROR, ErrorClassification.PERMANENT, null, 1, "permanent error"),
                        alert(AlertSeverity.Level.MEDIUM, SERVER_ERROR, "permanent error"));
    }

    @Test
    void retryableHandlerVerdictOverridesPermanentStatus() {
        fixture.given(firstAttemptRunning())
                .when(new FailAttemptCommand(TASK_ID, 1, BAD_REQUEST, ErrorClassification.RETRYABLE, null, null))
                .expectEvents(
                        new AttemptFailedEvent(
                                TASK_ID, 1, BAD_REQUEST, ErrorClassification.RETRYABLE, null, 300_000, NOW),
                        new TaskRetryScheduledEvent(
                                TASK_ID,
                                1,
                                2,
                                FIRST_RETRY_DELAY_MILLIS,
                                NOW.plusMillis(FIRST_RETRY_DELAY_MILLIS),
                                "exponential backoff, retry 1 of 2",
                                NOW));
    }

    @Test
    void timeoutWithBudgetLeftSchedulesRetry() {
        fixture.given(secondAttemptRunning())
                .when(new TimeOutAttemptCommand(TASK_ID, 2, "deadline passed"))
                .expectEvents(
                        new AttemptFailedEvent(
                                TASK_ID,
                                2,
                                TaskError.timeout("deadline passed"),
                                ErrorClassification.RETRYABLE,
                                null,
                                120_000,
                                NOW),
                        new TaskRetryScheduledEvent(
                                TASK_ID,
                                2,
                                3,
                                SECOND_RETRY_DELAY_MILLIS,
                                NOW.plusMillis(SECOND_RETRY_DELAY_MILLIS),
                                "exponential backoff, retry 2 of 2",
                                NOW));
    }

    @Test
    void timeoutOnLastAttemptTimesTheTaskOut() {
        fixture.given(lastAttemptRunning())
                .when(new TimeOutAttemptCommand(TASK_ID, 3, "lease expired"))
                .expectEvents(
                        new AttemptFailedEvent(
                                TASK_ID,
                                3,
                                TaskError.timeout("lease expired"),
                                ErrorClassification.RETRYABLE,
                                null,
                                30_000,
                                NOW),
                        new TaskTimedOutEvent(TASK_ID, 3, NOW));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cancellableTasks")
    void cancelRecordsWhatTheTaskWasDoing(String name, List<Object> history, String reason, TaskStatus status) {
        fixture.given(history)
                .when(new CancelTaskCommand(TASK_ID, reason, OPERATOR))
                .expectEvents(new TaskCancelledEvent(TASK_ID, reason, OPERATOR, status, NOW));
    }

    static Stream<Arguments> cancellableTasks() {
        return Stream.of(
                Arguments.of("cancelPendingTask", pending(), "no longer needed", TaskStatus.PENDING),
                Arguments.of("cancelRunningTask", secondAttemptRunning(), "stuck", TaskStatus.RUNNING),
                Arguments.of(
                        "cancelTaskWaitingForRetry",
                        retryScheduledAfterFirstAttempt(NOW.plusSeconds(5)),
                        "provider down",
                        TaskStatus.RETRY_SCHEDULED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requeueableTasks")
    void requeueRecordsHowTheTaskEnded(String name, List<Object> history, TaskStatus status, int nextAttempt) {
        fixture.given(history)
                .when(new RequeueTaskCommand(TASK_ID, OPERATOR))
                .expectEvents(requeued(status, nextAttempt, NOW));
    }

    static Stream<Arguments> requeueableTasks() {
        return Stream.of(
                Arguments.of("requeueFailedTask", failed(), TaskStatus.FAILED, 4),
                Arguments.of("requeueTimedOutTask", timedOut(), TaskStatus.TIMEOUT, 4),
                Arguments.of("requeueCancelledTask", cancelled(), TaskStatus.CANCELLED, 1));
    }

    @Test
    void requeuedTaskContinuesNumberingAndStartsAFreshRun() {
        fixture.given(requeuedAfterFailure())
                .when(new StartAttemptCommand(TASK_ID, 4, WORKER))
                .expectEvents(
                        new TaskStartedEvent(TASK_ID, RETRY, TIMEOUT_SECONDS, NOW),
                        new AttemptStartedEvent(TASK_ID, 4, WORKER, NOW.plusSeconds(60), NOW));
    }

    @Test
    void requeuedTaskHasAFreshRetryBudget() {
        fixture.given(requeuedAfterFailure())
                .andGiven(new TaskStartedEvent(TASK_ID, RETRY, TIMEOUT_SECONDS, RERUN_AT), attemptStarted(4, RERUN_AT))
                .when(FailAttemptCommand.of(TASK_ID, 4, SERVER_ERROR))
                .expectEvents(
                        new AttemptFailedEvent(
                                TASK_ID, 4, SERVER_ERROR, ErrorClassification.RETRYABLE, null, 10_000, NOW),
                        new TaskRetryScheduledEvent(
                                TASK_ID,
                                4,
                                5,
                                FIRST_RETRY_DELAY_MILLIS,
                                NOW.plusMillis(FIRST_RETRY_DELAY_MILLIS),
                                "exponential backoff, retry 1 of 2",
                                NOW));
    }

    @Test
    void requeuedTaskCountsOnlyThisRunOnCompletion() {
        fixture.given(requeuedAfterFailure())
                .andGiven(new TaskStartedEvent(TASK_ID, RETRY, TIMEOUT_SECONDS, RERUN_AT), attemptStarted(4, RERUN_AT))
                .when(new CompleteAttemptCommand(TASK_ID, 4, RESULT))
                .expectEvents(
                        new AttemptSucceededEvent(TASK_ID, 4, RESULT, 10_000, NOW),
                        new TaskCompletedEvent(TASK_ID, RESULT, 1, 10_000, NOW));
    }

    @Test
    void requeuedCancelledTaskStartsAFreshRun() {
        fixture.given(cancelledWhileSecondAttemptRan())
                .andGiven(requeued(TaskStatus.CANCELLED, 3, FINISHED_AT))
                .when(new StartAttemptCommand(TASK_ID, 3, WORKER))
                .expectEvents(
                        new TaskStartedEvent(TASK_ID, RETRY, TIMEOUT_SECONDS, NOW),
                        new AttemptStartedEvent(TASK_ID, 3, WORKER, NOW.plusSeconds(60), NOW));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 42, 100})
    void progressIsRecordedForTheRunningAttempt(int percent) {
        fixture.given(secondAttemptRunning())
                .when(new ReportProgressCommand(TASK_ID, 2, percent, "uploading"))
                .expectEvents(new TaskProgressedEvent(TASK_ID, 2, percent, "uploading", NOW));
    }

    @Test
    void circuitOpeningIsNotedOnARunningTask() {
        fixture.given(firstAttemptRunning())
                .when(new RecordCircuitOpenedCommand(TASK_ID, PROVIDER))
                .expectEvents(new CircuitBreakerOpenedEvent(TASK_ID, PROVIDER, NOW));
    }

    @Test
    void circuitOpeningIsNotedOnAWaitingTask() {
        fixture.given(retryScheduledAfterFirstAttempt(NOW.plusSeconds(5)))
                .when(new RecordCircuitOpenedCommand(TASK_ID, PROVIDER))
                .expectEvents(new CircuitBreakerOpenedEvent(TASK_ID, PROVIDER, NOW));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("finishedHistories")
    void finishedTaskCanBeArchived(String status, List<Object> history) {
        fixture.given(history).when(new ArchiveTaskCommand(TASK_ID)).expectEvents(new TaskArchivedEvent(TASK_ID, NOW));
    }

    static Stream<Arguments> finishedHistories() {
        return Stream.of(
                Arguments.of("completed", completed()),
                Arguments.of("failed", failed()),
                Arguments.of("timed out", timedOut()),
                Arguments.of("cancelled", cancelled()));
    }

    @Test
    void archivingTwiceEmitsNothing() {
        fixture.given(archived())
                .when(new ArchiveTaskCommand(TASK_ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotStartRetryJustBeforeItsBackoffElapses() {
        TestExecutor<Task> afterFirstFailure = fixture.givenCommands(
                new CreateTaskCommand(TASK_ID, NUMBER, DEFINITION),
                new StartAttemptCommand(TASK_ID, 1, WORKER),
                FailAttemptCommand.of(TASK_ID, 1, SERVER_ERROR));
        clock.set(NOW.plusMillis(FIRST_RETRY_DELAY_MILLIS - 1));

        afterFirstFailure
                .when(new StartAttemptCommand(TASK_ID, 2, WORKER))
                .expectNoEvents()
                .expectException(violationOf(TaskRule.RETRY_NOT_DUE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"illegalTransitions", "illegalOnEveryFinishedTask", "illegalOnArchivedTask", "illegalValues"})
    void illegalCommandIsRejectedWithoutEvents(String name, List<Object> history, Object command, TaskRule rule) {
        fixture.given(history).when(command).expectNoEvents().expectException(violationOf(rule));
    }

    static Stream<Arguments> illegalTransitions() {
        return Stream.of(
                Arguments.of(
                        "cannotStartTwice",
                        firstAttemptRunning(),
                        new StartAttemptCommand(TASK_ID, 1, "worker-8"),
                        TaskRule.ALREADY_RUNNING),
                Arguments.of(
                        "cannotStartNextAttemptWhileOneRuns",
                        firstAttemptRunning(),
                        new StartAttemptCommand(TASK_ID, 2, WORKER),
                        TaskRule.ALREADY_RUNNING),
                Arguments.of(
                        "cannotStartFailedAttemptAgain",
                        retryScheduledAfterFirstAttempt(NOW),
                        new StartAttemptCommand(TASK_ID, 1, WORKER),
                        TaskRule.STALE_ATTEMPT),
                Arguments.of(
                        "cannotRestartOldAttemptNumbersAfterRequeue",
                        requeuedAfterFailure(),
                        new StartAttemptCommand(TASK_ID, 1, WORKER),
                        TaskRule.STALE_ATTEMPT),
                Arguments.of(
                        "cannotStartRetryBeforeItIsDue",
                        retryScheduledAfterFirstAttempt(NOW.plusMillis(1)),
                        new StartAttemptCommand(TASK_ID, 2, WORKER),
                        TaskRule.RETRY_NOT_DUE),
                Arguments.of(
                        "cannotCompleteCancelledTask",
                        cancelledWhileSecondAttemptRan(),
                        new CompleteAttemptCommand(TASK_ID, 2, RESULT),
                        TaskRule.ALREADY_FINISHED),
                Arguments.of(
                        "cannotFailCancelledTask",
                        cancelledWhileSecondAttemptRan(),
                        FailAttemptCommand.of(TASK_ID, 2, SERVER_ERROR),
                        TaskRule.ALREADY_FINISHED),
                Arguments.of(
                        "cannotTimeOutCancelledTask",
                        cancelledWhileSecondAttemptRan(),
                        new TimeOutAttemptCommand(TASK_ID, 2, "lease expired"),
                        TaskRule.ALREADY_FINISHED),
                Arguments.of(
                        "cannotCompleteTaskTwice",
                        completed(),
                        new CompleteAttemptCommand(TASK_ID, 2, RESULT),
                        TaskRule.ALREADY_FINISHED),
                Arguments.of(
                        "cannotCancelCompletedTask",
                        completed(),
                        new CancelTaskCommand(TASK_ID, "too late", OPERATOR),
                        TaskRule.ALREADY_FINISHED),
                Arguments.of(
                        "cannotCancelTwice",
                        cancelled(),
                        new CancelTaskCommand(TASK_ID, "again", OPERATOR),
                        TaskRule.ALREADY_FINISHED),
                Arguments.of(
                        "cannotRequeueRunningTask",
                        secondAttemptRunning(),
                        new RequeueTaskCommand(TASK_ID, OPERATOR),
                        TaskRule.NOT_REQUEUEABLE),
                Arguments.of(
                        "cannotRequeuePendingTask",
                        pending(),
                        new RequeueTaskCommand(TASK_ID, OPERATOR),
                        TaskRule.NOT_REQUEUEABLE),
                Arguments.of(
                        "cannotRequeueTaskWaitingForRetry",
                        retryScheduledAfterFirstAttempt(NOW.plusSeconds(5)),
                        new RequeueTaskCommand(TASK_ID, OPERATOR),
                        TaskRule.NOT_REQUEUEABLE),
                Arguments.of(
                        "cannotRequeueCompletedTask",
                        completed(),
                        new RequeueTaskCommand(TASK_ID, OPERATOR),
                        TaskRule.NOT_REQUEUEABLE),
                Arguments.of(
                        "cannotRequeueTwice",
                        requeuedAfterFailure(),
                        new RequeueTaskCommand(TASK_ID, OPERATOR),
                        TaskRule.NOT_REQUEUEABLE),
                Arguments.of(
                        "cannotCompletePendingTask",
                        pending(),
                        new CompleteAttemptCommand(TASK_ID, 1, RESULT),
                        TaskRule.NOT_RUNNING),
                Arguments.of(
                        "cannotCompleteTaskWaitingForRetry",
                        retryScheduledAfterFirstAttempt(NOW),
                        new CompleteAttemptCommand(TASK_ID, 1, RESULT),
                        TaskRule.NOT_RUNNING),
                Arguments.of(
                        "cannotFailPendingTask",
                        pending(),
                        FailAttemptCommand.of(TASK_ID, 1, SERVER_ERROR),
                        TaskRule.NOT_RUNNING),
                Arguments.of(
                        "cannotTimeOutTaskWaitingForRetry",
                        retryScheduledAfterFirstAttempt(NOW),
                        new TimeOutAttemptCommand(TASK_ID, 1, "lease expired"),
                        TaskRule.NOT_RUNNING),
                Arguments.of(
                        "cannotReportProgressOnPendingTask",
                        pending(),
                        new ReportProgressCommand(TASK_ID, 1, 10, null),
                        TaskRule.NOT_RUNNING),
                Arguments.of(
                        "cannotCompleteStaleAttempt",
                        secondAttemptRunning(),
                        new CompleteAttemptCommand(TASK_ID, 1, RESULT),
                        TaskRule.STALE_ATTEMPT),
                Arguments.of(
                        "cannotFailStaleAttempt",
                        secondAttemptRunning(),
                        FailAttemptCommand.of(TASK_ID, 1, SERVER_ERROR),
                        TaskRule.STALE_ATTEMPT),
                Arguments.of(
                        "cannotTimeOutStaleAttempt",
                        secondAttemptRunning(),
                        new TimeOutAttemptCommand(TASK_ID, 1, "lease expired"),
                        TaskRule.STALE_ATTEMPT),
                Arguments.of(
                        "cannotReportProgressForStaleAttempt",
                        secondAttemptRunning(),
                        new ReportProgressCommand(TASK_ID, 1, 50, null),
                        TaskRule.STALE_ATTEMPT),
                Arguments.of(
                        "cannotArchivePendingTask", pending(), new ArchiveTaskCommand(TASK_ID), TaskRule.NOT_FINISHED),
                Arguments.of(
                        "cannotArchiveRunningTask",
                        secondAttemptRunning(),
                        new ArchiveTaskCommand(TASK_ID),
                        TaskRule.NOT_FINISHED),
                Arguments.of(
                        "cannotArchiveTaskWaitingForRetry",
                        retryScheduledAfterFirstAttempt(NOW),
                        new ArchiveTaskCommand(TASK_ID),
                        TaskRule.NOT_FINISHED),
                Arguments.of(
                        "archivedFailedTaskCannotBeRequeued",
                        then(failed(), new TaskArchivedEvent(TASK_ID, FINISHED_AT)),
                        new RequeueTaskCommand(TASK_ID, OPERATOR),
                        TaskRule.ARCHIVED));
    }

    /** Each command, tried on each of the {@link #finishedHistories() finished tasks}. */
    static Stream<Arguments> illegalOnEveryFinishedTask() {
        return finishedHistories().flatMap(finished -> {
            String status = (String) finished.get()[0];
            Object history = finished.get()[1];
            return Stream.of(
                    Arguments.of(
                            "cannotStartFinishedTask [" + status + "]",
                            history,
                            new StartAttemptCommand(TASK_ID, 4, WORKER),
                            TaskRule.ALREADY_FINISHED),
                    Arguments.of(
                            "cannotNoteCircuitOpeningOnFinishedTask [" + status + "]",
                            history,
                            new RecordCircuitOpenedCommand(TASK_ID, PROVIDER),
                            TaskRule.ALREADY_FINISHED));
        });
    }

    /** An archived task rejects every command other than archive (which is a no-op). */
    static Stream<Arguments> illegalOnArchivedTask() {
        return Stream.of(
                        Arguments.of("start", new StartAttemptCommand(TASK_ID, 3, WORKER)),
                        Arguments.of("complete", new CompleteAttemptCommand(TASK_ID, 2, RESULT)),
                        Arguments.of("fail", FailAttemptCommand.of(TASK_ID, 2, SERVER_ERROR)),
                        Arguments.of("time out", new TimeOutAttemptCommand(TASK_ID, 2, "lease expired")),
                        Arguments.of("cancel", new CancelTaskCommand(TASK_ID, "cleanup", OPERATOR)),
                        Arguments.of("requeue", new RequeueTaskCommand(TASK_ID, OPERATOR)),
                        Arguments.of("progress", new ReportProgressCommand(TASK_ID, 2, 50, null)),
                        Arguments.of("circuit opened", new RecordCircuitOpenedCommand(TASK_ID, PROVIDER)))
                .map(row -> Arguments.of(
                        "archivedTaskRejectsEveryCommand [" + row.get()[0] + "]",
                        archived(),
                        row.get()[1],
                        TaskRule.ARCHIVED));
    }

    static Stream<Arguments> illegalValues() {
        Stream<Arguments> attempts = IntStream.of(0, 2, 3)
                .mapToObj(attempt -> Arguments.of(
                        "cannotStartAttemptOtherThanTheNext [" + attempt + "]",
                        pending(),
                        new StartAttemptCommand(TASK_ID, attempt, WORKER),
                        TaskRule.STALE_ATTEMPT));
        Stream<Arguments> percents = IntStream.of(-1, 101, Integer.MIN_VALUE, Integer.MAX_VALUE)
                .mapToObj(percent -> Arguments.of(
                        "cannotReportProgressOutOfRange [" + percent + "]",
                        secondAttemptRunning(),
                        new ReportProgressCommand(TASK_ID, 2, percent, null),
                        TaskRule.INVALID_VALUE));
        Stream<Arguments> numbers = LongStream.of(0, -1, Long.MIN_VALUE)
                .mapToObj(number -> Arguments.of(
                        "cannotCreateTaskNumberedBelowOne [" + number + "]",
                        List.of(),
                        new CreateTaskCommand(TASK_ID, number, DEFINITION),
                        TaskRule.INVALID_VALUE));
        return Stream.of(attempts, percents, numbers).flatMap(arguments -> arguments);
    }

    private static TaskDefinition definitionWith(Map<String, Object> metadata) {
        return new TaskDefinition(
                "http",
                TaskCategory.API,
                "charge the customer's card",
                Map.of("url", "https://payments.example/charge"),
                metadata,
                PROVIDER,
                5,
                TIMEOUT_SECONDS,
                RETRY,
                "billing",
                "api-key-checkout",
                null,
                "order-1234");
    }

    private static final UUID FIRST_ALERT =
            UUID.nameUUIDFromBytes((TASK_ID + "/alert/1").getBytes(StandardCharsets.UTF_8));

    private static FailureExplainedEvent explained(
            TaskError error, ErrorClassification classification, CircuitState circuit, int attempts, String reason) {
        return new FailureExplainedEvent(TASK_ID, classification, circuit, RETRY, attempts, null, reason, NOW);
    }

    private static AlertRaisedEvent alert(AlertSeverity.Level severity, TaskError error, String reason) {
        return new AlertRaisedEvent(
                TASK_ID, FIRST_ALERT, severity, AlertSource.DEAD_LETTER, "http", PROVIDER, error, reason, NOW);
    }

    private static List<Object> pending() {
        return pending(DEFINITION);
    }

    private static List<Object> pending(TaskDefinition definition) {
        return List.of(new TaskCreatedEvent(TASK_ID, NUMBER, definition, CREATED_AT));
    }

    private static List<Object> firstAttemptRunning() {
        return firstAttemptRunning(DEFINITION);
    }

    private static List<Object> firstAttemptRunning(TaskDefinition definition) {
        return then(
                pending(definition),
                new TaskStartedEvent(TASK_ID, RETRY, TIMEOUT_SECONDS, ATTEMPT_1_AT),
                attemptStarted(1, ATTEMPT_1_AT));
    }

    private static List<Object> retryScheduledAfterFirstAttempt(Instant dueAt) {
        Instant failedAt = ATTEMPT_1_AT.plusSeconds(5);
        return then(firstAttemptRunning(), retryableFailure(1, failedAt, 5_000), retryScheduled(1, failedAt, dueAt));
    }

    private static List<Object> secondAttemptRunning() {
        return then(retryScheduledAfterFirstAttempt(ATTEMPT_2_AT), attemptStarted(2, ATTEMPT_2_AT));
    }

    private static List<Object> lastAttemptRunning() {
        Instant failedAt = ATTEMPT_2_AT.plusSeconds(5);
        return then(
                secondAttemptRunning(),
                retryableFailure(2, failedAt, 5_000),
                retryScheduled(2, failedAt, ATTEMPT_3_AT),
                attemptStarted(3, ATTEMPT_3_AT));
    }

    private static List<Object> completed() {
        return then(
                secondAttemptRunning(),
                new AttemptSucceededEvent(TASK_ID, 2, RESULT, 100_000, FINISHED_AT),
                new TaskCompletedEvent(TASK_ID, RESULT, 2, 280_000, FINISHED_AT));
    }

    private static List<Object> failed() {
        String reason = "retries exhausted after 3 attempts";
        return then(
                lastAttemptRunning(),
                retryableFailure(3, FINISHED_AT, 10_000),
                new TaskFailedEvent(TASK_ID, SERVER_ERROR, 3, reason, FINISHED_AT),
                new MovedToDlqEvent(
                        TASK_ID, "http", PROVIDER, SERVER_ERROR, 3, reason, AlertSeverity.Level.MEDIUM, FINISHED_AT));
    }

    private static List<Object> timedOut() {
        return then(
                lastAttemptRunning(),
                new AttemptFailedEvent(
                        TASK_ID,
                        3,
                        TaskError.timeout("deadline passed"),
                        ErrorClassification.RETRYABLE,
                        null,
                        10_000,
                        FINISHED_AT),
                new TaskTimedOutEvent(TASK_ID, 3, FINISHED_AT));
    }

    private static List<Object> cancelled() {
        return then(pending(), new TaskCancelledEvent(TASK_ID, "duplicate", OPERATOR, TaskStatus.PENDING, FINISHED_AT));
    }

    private static List<Object> cancelledWhileSecondAttemptRan() {
        return then(
                secondAttemptRunning(),
                new TaskCancelledEvent(TASK_ID, "stuck", OPERATOR, TaskStatus.RUNNING, FINISHED_AT));
    }

    private static List<Object> requeuedAfterFailure() {
        return then(failed(), requeued(TaskStatus.FAILED, 4, FINISHED_AT));
    }

    private static TaskRequeuedEvent requeued(TaskStatus previousStatus, int nextAttempt, Instant at) {
        return new TaskRequeuedEvent(TASK_ID, OPERATOR, previousStatus, nextAttempt, DEFINITION, CREATED_AT, at);
    }

    private static List<Object> archived() {
        return then(completed(), new TaskArchivedEvent(TASK_ID, FINISHED_AT));
    }

    private static AttemptStartedEvent attemptStarted(int attempt, Instant at) {
        return new AttemptStartedEvent(TASK_ID, attempt, WORKER, at.plusSeconds(TIMEOUT_SECONDS), at);
    }

    private static AttemptFailedEvent retryableFailure(int attempt, Instant at, long durationMillis) {
        return new AttemptFailedEvent(
                TASK_ID, attempt, SERVER_ERROR, ErrorClassification.RETRYABLE, null, durationMillis, at);
    }

    private static TaskRetryScheduledEvent retryScheduled(int failedAttempt, Instant at, Instant dueAt) {
        long delayMillis = Duration.between(at, dueAt).toMillis();
        return new TaskRetryScheduledEvent(
                TASK_ID, failedAttempt, failedAttempt + 1, delayMillis, dueAt, "exponential backoff", at);
    }

    private static List<Object> then(List<Object> history, Object... events) {
        List<Object> all = new ArrayList<>(history);
        all.addAll(List.of(events));
        return List.copyOf(all);
    }

    private static Matcher<TaskRuleViolationException> violationOf(TaskRule rule) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(TaskRuleViolationException violation, Description mismatch) {
                mismatch.appendText("broke rule ")
                        .appendValue(violation.rule())
                        .appendText(" of task ")
                        .appendValue(violation.taskId());
                return violation.rule() == rule && TASK_ID.equals(violation.taskId());
            }

            @Override
            public void describeTo(Description description) {
                description
                        .appendText("TaskRuleViolationException breaking ")
                        .appendValue(rule)
                        .appendText(" of task ")
                        .appendValue(TASK_ID);
            }
        };
    }

    private static final class SettableClock extends Clock {

        private Instant instant;

        SettableClock(Instant instant) {
            this.instant = instant;
        }

        void set(Instant instant) {
            this.instant = instant;
        }

        @Override
        public Instant instant() {
            return instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant, zone);
        }
    }

    private record FixedRandom(double unitValue) implements RandomGenerator {

        @Override
        public double nextDouble() {
            return unitValue;
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("the task draws jitter with nextDouble()");
        }
    }
}
