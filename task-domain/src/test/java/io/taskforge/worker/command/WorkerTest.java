package io.taskforge.worker.command;

import io.taskforge.worker.ProblemPattern;
import io.taskforge.worker.WorkerCapabilities;
import io.taskforge.worker.WorkerId;
import io.taskforge.worker.event.WorkerRegisteredEvent;
import io.taskforge.worker.event.WorkerWentOfflineEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WorkerTest {

    private static final WorkerId WORKER = new WorkerId("worker-002-kind");
    private static final Instant NOW = Instant.parse("2025-01-14T10:30:00Z");
    private static final Instant REGISTERED_AT = NOW.minusSeconds(600);
    private static final Instant LAST_HEARTBEAT = NOW.minusSeconds(45);
    private static final WorkerCapabilities FIVE_TESTS =
            new WorkerCapabilities(5, List.of(new ProblemPattern("test-*"), new ProblemPattern("benchmark-*")));
    private static final WorkerCapabilities ONE_VIDEO = new WorkerCapabilities(1, List.of(new ProblemPattern("video")));
    private static final String MISSED = "no heartbeat for 30 s";

    private FixtureConfiguration<Worker> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Worker.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void registersANewWorker() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWorkerCommand(WORKER, "kind", FIVE_TESTS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new WorkerRegisteredEvent(WORKER, "kind", FIVE_TESTS, true, NOW));
    }

    @Test
    void aSecondRegistrationUpdatesTheWorker() {
        fixture.given(new WorkerRegisteredEvent(WORKER, "kind", FIVE_TESTS, true, REGISTERED_AT))
                .when(new RegisterWorkerCommand(WORKER, "docker", ONE_VIDEO))
                .expectEvents(new WorkerRegisteredEvent(WORKER, "docker", ONE_VIDEO, false, NOW));
    }

    @Test
    void anOfflineWorkerComesBackByRegisteringAgain() {
        fixture.given(
                        new WorkerRegisteredEvent(WORKER, "kind", FIVE_TESTS, true, REGISTERED_AT),
                        new WorkerWentOfflineEvent(WORKER, MISSED, LAST_HEARTBEAT, NOW.minusSeconds(10)))
                .when(new RegisterWorkerCommand(WORKER, "kind", FIVE_TESTS))
                .expectEvents(new WorkerRegisteredEvent(WORKER, "kind", FIVE_TESTS, false, NOW));
    }

    @ParameterizedTest
    @MethodSource("unstorableBackendTypes")
    void cannotRegisterWithABackendTypeThatIsBlankTooLongOrUnprintable(String backendType) {
        fixture.givenNoPriorActivity()
                .when(new RegisterWorkerCommand(WORKER, backendType, FIVE_TESTS))
                .expectException(WorkerRuleViolationException.class)
                .expectNoEvents();
    }

    static Stream<String> unstorableBackendTypes() {
        return Stream.of(null, "", " ", "kind\u0000", "line\nbreak", "x".repeat(101));
    }

    @Test
    void registersWithABackendTypeOfUsualCharacters() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWorkerCommand(WORKER, "k8s gpu/a100:v2", FIVE_TESTS))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void goesOfflineWithTheReasonAndItsLastHeartbeat() {
        fixture.given(new WorkerRegisteredEvent(WORKER, "kind", FIVE_TESTS, true, REGISTERED_AT))
                .when(new MarkWorkerOfflineCommand(WORKER, MISSED, LAST_HEARTBEAT))
                .expectEvents(new WorkerWentOfflineEvent(WORKER, MISSED, LAST_HEARTBEAT, NOW));
    }

    @Test
    void cannotGoOfflineTwice() {
        fixture.given(
                        new WorkerRegisteredEvent(WORKER, "kind", FIVE_TESTS, true, REGISTERED_AT),
                        new WorkerWentOfflineEvent(WORKER, MISSED, LAST_HEARTBEAT, NOW.minusSeconds(10)))
                .when(new MarkWorkerOfflineCommand(WORKER, MISSED, LAST_HEARTBEAT))
                .expectException(WorkerRuleViolationException.class)
                .expectNoEvents();
    }
}
