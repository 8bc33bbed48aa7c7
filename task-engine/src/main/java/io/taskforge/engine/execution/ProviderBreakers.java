package io.taskforge.engine.execution;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.taskforge.engine.queue.ClaimedTask;
import io.taskforge.engine.queue.TaskQueue;
import io.taskforge.task.CircuitState;
import io.taskforge.task.ErrorClassification;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.task.command.RecordCircuitOpenedCommand;
import io.taskforge.task.command.TaskPolicies;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One resilience4j circuit breaker per provider, configured by the {@code default} breaker
 * configuration. When a breaker opens, every task still waiting for or running on that provider
 * gets a {@code CircuitBreakerOpened} event on its timeline. Attempts run here and by external
 * workers count alike.
 */
@Component
class ProviderBreakers {

    private static final Logger log = LoggerFactory.getLogger(ProviderBreakers.class);

    private final CircuitBreakerRegistry registry;
    private final TaskQueue queue;
    private final Commands commands;
    private final AttemptLifecycle lifecycle;
    private final TaskPolicies policies;

    ProviderBreakers(
            CircuitBreakerRegistry registry,
            TaskQueue queue,
            Commands commands,
            AttemptLifecycle lifecycle,
            TaskPolicies policies) {
        this.registry = registry;
        this.queue = queue;
        this.commands = commands;
        this.lifecycle = lifecycle;
        this.policies = policies;
        registry.getEventPublisher().onEntryAdded(added -> watch(added.getAddedEntry()));
        registry.getAllCircuitBreakers().forEach(this::watch);
    }

    private Optional<CircuitBreaker> of(String provider) {
        return provider == null || provider.isBlank()
                ? Optional.empty()
                : Optional.of(registry.circuitBreaker(provider));
    }

    private static CircuitState stateOf(CircuitBreaker breaker) {
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> CircuitState.OPEN;
            case HALF_OPEN -> CircuitState.HALF_OPEN;
            default -> CircuitState.CLOSED;
        };
    }

    /** Whether the provider's breaker lets the started attempt go ahead; true for tasks without a provider. */
    boolean admits(ClaimedTask task) {
        return of(task.provider()).map(CircuitBreaker::tryAcquirePermission).orElse(true);
    }

    /** Counts an admitted attempt's outcome for its provider's breaker. */
    void record(String provider, AttemptOutcome outcome, long nanos) {
        of(provider).ifPresent(breaker -> {
            switch (outcome) {
                case AttemptOutcome.Succeeded ignored -> breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
                case AttemptOutcome.TimedOut ignored ->
                    breaker.onError(nanos, TimeUnit.NANOSECONDS, new TimeoutException());
                case AttemptOutcome.Failed failed
                when isRetryable(failed) ->
                    breaker.onError(
                            nanos,
                            TimeUnit.NANOSECONDS,
                            new IllegalStateException(failed.error().message()));
                default -> breaker.releasePermission();
            }
        });
    }

    /** The provider's breaker state, for a failure report; null for a task without a provider. */
    CircuitState stateFor(String provider) {
        return of(provider).map(ProviderBreakers::stateOf).orElse(null);
    }

    /** Fails a started attempt that the provider's open breaker did not admit, and says so on its timeline. */
    void failNotAdmitted(ClaimedTask task) {
        String reason = "circuit breaker for provider " + task.provider() + " is open; the attempt was not made";
        noteOpen(task.taskId(), task.provider());
        lifecycle.fail(
                task.taskId(),
                task.attempt(),
                new AttemptFailure(TaskError.of("circuit_open", reason), null, CircuitState.OPEN, null));
    }

    private boolean isRetryable(AttemptOutcome.Failed failed) {
        return policies.errorClassifier().classify(failed.error(), failed.verdict()) == ErrorClassification.RETRYABLE;
    }

    /** Records on the task's timeline that its provider's breaker is open. */
    private void noteOpen(TaskId taskId, String provider) {
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
