package io.taskforge.engine.execution;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.taskforge.engine.queue.TaskQueue;
import io.taskforge.task.CircuitState;
import io.taskforge.task.TaskId;
import io.taskforge.task.command.RecordCircuitOpenedCommand;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One resilience4j circuit breaker per provider, configured by the {@code default} breaker
 * configuration. When a breaker opens, every task still waiting for or running on that provider
 * gets a {@code CircuitBreakerOpened} event on its timeline.
 */
@Component
class ProviderBreakers {

    private static final Logger log = LoggerFactory.getLogger(ProviderBreakers.class);

    private final CircuitBreakerRegistry registry;
    private final TaskQueue queue;
    private final Commands commands;

    ProviderBreakers(CircuitBreakerRegistry registry, TaskQueue queue, Commands commands) {
        this.registry = registry;
        this.queue = queue;
        this.commands = commands;
        registry.getEventPublisher().onEntryAdded(added -> watch(added.getAddedEntry()));
        registry.getAllCircuitBreakers().forEach(this::watch);
    }

    Optional<CircuitBreaker> of(String provider) {
        return provider == null || provider.isBlank()
                ? Optional.empty()
                : Optional.of(registry.circuitBreaker(provider));
    }

    static CircuitState stateOf(CircuitBreaker breaker) {
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> CircuitState.OPEN;
            case HALF_OPEN -> CircuitState.HALF_OPEN;
            default -> CircuitState.CLOSED;
        };
    }

    /** Records on the task's timeline that its provider's breaker is open. */
    void noteOpen(TaskId taskId, String provider) {
        commands.sendQuietly(new RecordCircuitOpenedCommand(taskId, provider));
    }

    private void watch(CircuitBreaker breaker) {
        breaker.getEventPublisher().onStateTransition(transition -> {
            if (transition.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                String provider = breaker.getName();
                log.warn("circuit breaker for provider {} opened", provider);
                Thread.ofVirtual().name("breaker-opened-" + provider).start(() -> queue.activeWithProvider(provider)
                        .forEach(taskId -> noteOpen(taskId, provider)));
            }
        });
    }
}
