package io.taskforge.task.recovery;

import io.taskforge.task.policy.AlertSeverity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FallbackChainTest {

    private static final FallbackChainId CHAIN_ID =
            new FallbackChainId(UUID.fromString("5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d"));
    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");
    private static final FallbackChainConfig CONFIG = new FallbackChainConfig(
            "payments-fallback",
            new FallbackMatch("http", "payments-gateway", List.of("server_error")),
            List.of(
                    FallbackStep.retry(2, 5_000),
                    FallbackStep.switchProvider("payments-backup", Map.of("url", "http://backup/charge")),
                    FallbackStep.escalate(AlertSeverity.Level.CRITICAL)));
    private static final FallbackChainConfig EDITED = new FallbackChainConfig(
            CONFIG.name(), CONFIG.match(), CONFIG.steps().subList(1, 3));
    private static final FallbackChainCreatedEvent CREATED =
            new FallbackChainCreatedEvent(CHAIN_ID, CONFIG, 1, "ops", NOW.minusSeconds(60));

    private FixtureConfiguration<FallbackChain> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FallbackChain.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void createRecordsTheConfigurationAsVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new CreateFallbackChainCommand(CHAIN_ID, CONFIG, "ops"))
                .expectEvents(new FallbackChainCreatedEvent(CHAIN_ID, CONFIG, 1, "ops", NOW));
    }

    @Test
    void createRefusesAnEmptyChain() {
        fixture.givenNoPriorActivity()
                .when(new CreateFallbackChainCommand(
                        CHAIN_ID, new FallbackChainConfig("empty", null, List.of()), "ops"))
                .expectNoEvents()
                .expectException(FallbackChainRuleViolationException.class)
                .expectExceptionMessage("steps is empty; a chain needs at least one step");
    }

    @Test
    void updateBumpsTheVersionAndChecksTheOneTheCallerEdited() {
        fixture.given(CREATED)
                .when(new UpdateFallbackChainCommand(CHAIN_ID, EDITED, 1, "lead"))
                .expectEvents(new FallbackChainUpdatedEvent(CHAIN_ID, EDITED, 2, "lead", NOW));
        fixture.given(CREATED)
                .when(new UpdateFallbackChainCommand(CHAIN_ID, EDITED, 4, "lead"))
                .expectNoEvents()
                .expectExceptionMessage("the chain is at version 1, not 4");
    }

    @Test
    void aDeletedChainTakesNoFurtherChanges() {
        fixture.given(CREATED)
                .when(new DeleteFallbackChainCommand(CHAIN_ID, "lead"))
                .expectEvents(new FallbackChainDeletedEvent(CHAIN_ID, 2, "lead", NOW));
        fixture.given(CREATED, new FallbackChainDeletedEvent(CHAIN_ID, 2, "lead", NOW))
                .when(new UpdateFallbackChainCommand(CHAIN_ID, EDITED, null, "lead"))
                .expectNoEvents()
                .expectExceptionMessage("the chain was deleted");
    }
}
