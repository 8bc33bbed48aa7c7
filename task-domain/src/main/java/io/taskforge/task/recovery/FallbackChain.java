package io.taskforge.task.recovery;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One fallback chain's configuration. Every change is an event, so the chain's history is its
 * event stream; the aggregate checks what a chain can check on its own (the engine checks what
 * needs the other chains and the handler types before it sends the command).
 */
public class FallbackChain {

    @AggregateIdentifier
    private FallbackChainId chainId;

    private int version;
    private boolean deleted;

    @CommandHandler
    public FallbackChain(CreateFallbackChainCommand command, Clock clock) {
        requireValid(command.chainId(), command.config());
        apply(new FallbackChainCreatedEvent(
                command.chainId(), command.config(), 1, command.requestedBy(), clock.instant()));
    }

    @CommandHandler
    void handle(UpdateFallbackChainCommand command, Clock clock) {
        requireLive();
        if (command.expectedVersion() != null && command.expectedVersion() != version) {
            throw violation(
                    FallbackChainRule.VERSION_CONFLICT,
                    "the chain is at version " + version + ", not " + command.expectedVersion());
        }
        requireValid(chainId, command.config());
        apply(new FallbackChainUpdatedEvent(
                chainId, command.config(), version + 1, command.requestedBy(), clock.instant()));
    }

    @CommandHandler
    void handle(DeleteFallbackChainCommand command, Clock clock) {
        requireLive();
        apply(new FallbackChainDeletedEvent(chainId, version + 1, command.requestedBy(), clock.instant()));
    }

    private void requireLive() {
        if (deleted) {
            throw violation(FallbackChainRule.DELETED, "the chain was deleted");
        }
    }

    private static void requireValid(FallbackChainId chainId, FallbackChainConfig config) {
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new FallbackChainRuleViolationException(
                    chainId, FallbackChainRule.INVALID_CHAIN, String.join("; ", problems));
        }
    }

    private FallbackChainRuleViolationException violation(FallbackChainRule rule, String message) {
        return new FallbackChainRuleViolationException(chainId, rule, message);
    }

    @EventSourcingHandler
    void on(FallbackChainCreatedEvent event) {
        chainId = event.chainId();
        version = event.version();
    }

    @EventSourcingHandler
    void on(FallbackChainUpdatedEvent event) {
        version = event.version();
    }

    @EventSourcingHandler
    void on(FallbackChainDeletedEvent event) {
        version = event.version();
        deleted = true;
    }

    /** Axon creates an empty aggregate through this constructor before replaying its events. */
    protected FallbackChain() {}
}
